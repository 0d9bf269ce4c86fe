/** Limits and fixed rules of the private contact form, shared by the form and the server. */

/** Most characters (Unicode code points) of a reply address: the longest an email address can be. */
export const REPLY_TO_MAX = 254;
/** Days a message is kept at most; older ones are erased even when the owner has not deleted them. */
export const MESSAGE_KEEP_DAYS = 90;
export const MESSAGE_KEEP_MS = MESSAGE_KEEP_DAYS * 24 * 60 * 60 * 1000;
/** Messages per page of the owner's list. */
export const MESSAGES_PAGE_SIZE = 50;
