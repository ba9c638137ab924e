// users.csv: the people who use the app. Upserted by e-mail; `team` names a team, created if new.
import { z } from 'zod';
import { DEPARTMENTS, ROLES } from '@/db/schema/enums';
import { boolean, columnsOf, email, enumOf, text } from './fields';

const userShape = {
  email: email({ required: true }),
  name: text({ required: true }),
  role: enumOf(ROLES, { required: true }),
  department: enumOf(DEPARTMENTS),
  team: text(),
  active: boolean({ default: true }),
};

export const userSchema = z.object(userShape);
export const userColumns = columnsOf(userShape);
