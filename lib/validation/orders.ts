// orders.csv: purchases / invoices of an account.
import { z } from 'zod';
import { columnsOf, datetime, money, reference, text } from './fields';

export const orderShape = {
  external_id: text({ required: true }),
  account_external_id: reference('accounts', { required: true }),
  ordered_at: datetime({ required: true }),
  amount: money({ required: true }),
  cost: money(),
  product: text(),
};

export const orderSchema = z.object(orderShape);
export const orderColumns = columnsOf(orderShape);
