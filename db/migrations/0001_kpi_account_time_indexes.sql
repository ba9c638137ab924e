DROP INDEX "orders_account_idx";--> statement-breakpoint
DROP INDEX "survey_responses_account_idx";--> statement-breakpoint
DROP INDEX "tickets_account_idx";--> statement-breakpoint
CREATE INDEX "orders_account_idx" ON "orders" USING btree ("account_id","ordered_at");--> statement-breakpoint
CREATE INDEX "survey_responses_account_idx" ON "survey_responses" USING btree ("account_id","responded_at");--> statement-breakpoint
CREATE INDEX "tickets_account_idx" ON "tickets" USING btree ("account_id","created_at");