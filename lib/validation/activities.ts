// activities.csv: users' use of the CRM before the app (the app then records its own).
import { z } from 'zod';
import { ACTIVITY_KINDS } from '@/db/schema/enums';
import { columnsOf, datetime, email, enumOf, text } from './fields';

const activityShape = {
  external_id: text({ required: true }),
  user_email: email({ required: true, references: 'users' }),
  occurred_at: datetime({ required: true }),
  kind: enumOf(ACTIVITY_KINDS, { default: 'other' }),
};

export const activitySchema = z.object(activityShape);
export const activityColumns = columnsOf(activityShape);
