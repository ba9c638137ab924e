// expenses.csv: sales, marketing and support spending (for CAC and cost KPIs).
import { z } from 'zod';
import { EXPENSE_CATEGORIES } from '@/db/schema/enums';
import { columnsOf, date, enumOf, longText, money, text } from './fields';

const expenseShape = {
  external_id: text({ required: true }),
  incurred_on: date({ required: true }),
  category: enumOf(EXPENSE_CATEGORIES, { required: true }),
  amount: money({ required: true }),
  description: longText(),
};

export const expenseSchema = z.object(expenseShape);
export const expenseColumns = columnsOf(expenseShape);
