import { app } from './app';
import { nav } from './nav';
import { common } from './common';
import { signIn } from './signIn';
import { tenants } from './tenants';
import { roles } from './roles';
import { overview } from './overview';
import { subscriptionStatus } from './subscriptionStatus';
import { recordStatus } from './recordStatus';
import { recordType } from './recordType';
import { subscription } from './subscription';
import { apiKeys } from './apiKeys';
import { plans } from './plans';
import { staff } from './staff';
import { errors } from './errors';
import { credits } from './credits';
import { addOns } from './addOns';
import { audit } from './audit';
import { staffConsole } from './staffConsole';
import { docs } from './docs';
import { impersonation } from './impersonation';
import { serviceCredentials } from './serviceCredentials';
import { usage } from './usage';
import { quotas } from './quotas';
import { invoices } from './invoices';
import { billingProfile } from './billingProfile';
import { paymentMethods } from './paymentMethods';
import { alerts } from './alerts';
import { notifications } from './notifications';
import { bills } from './bills';

/** zh-CN, the default locale: one file per namespace; its shape is the `Messages` type every locale follows. */
export const zhCN = { app, nav, common, signIn, tenants, roles, overview, subscriptionStatus, subscription, recordStatus, recordType, apiKeys, plans, staff, errors, credits, addOns, audit, staffConsole, impersonation, docs, serviceCredentials, usage, quotas, billingProfile, invoices, paymentMethods, alerts, notifications, bills };

export type Messages = typeof zhCN;
