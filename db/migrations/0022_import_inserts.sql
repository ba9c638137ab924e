CREATE TABLE "import_inserts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"import_id" integer NOT NULL,
	"tbl" text NOT NULL,
	"row_xmin" bigint NOT NULL,
	"ids" integer[] NOT NULL,
	"keys" text[] NOT NULL,
	CONSTRAINT "import_inserts_same_length" CHECK (cardinality("import_inserts"."ids") = cardinality("import_inserts"."keys"))
);
--> statement-breakpoint
ALTER TABLE "import_inserts" ADD CONSTRAINT "import_inserts_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_inserts_import_idx" ON "import_inserts" USING btree ("import_id","tbl");