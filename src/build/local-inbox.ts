/**
 * The local inbox of this build, from the environment (FORM_INBOX_PORT): the rule is
 * src/lib/contact/endpoint.ts; the build (src/config.ts), the inbox server and the tests read it here.
 */
import { localInboxEndpoint, localInboxPort } from '../lib/contact/endpoint.ts';

export const LOCAL_INBOX_PORT = localInboxPort(process.env.FORM_INBOX_PORT);
export const LOCAL_INBOX_ENDPOINT = localInboxEndpoint(LOCAL_INBOX_PORT);
