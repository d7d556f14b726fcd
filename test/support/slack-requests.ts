import { createHmac } from "node:crypto";

/** Builders for what Slack sends an app over HTTP, signed the way Slack signs them (v0 HMAC). */

export const TEST_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const TEST_BOT_TOKEN = "xoxb-1111111111-2222222222-TestBotTokenValue0001";
export const TEST_APP_TOKEN = "xapp-1-A0000001-3333333333-TestAppTokenValue0001";

export function slackSignature(secret: string, timestampSeconds: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestampSeconds}:${body}`).digest("hex")}`;
}

export interface SignedPost {
  readonly body: string;
  readonly contentType: "application/json" | "application/x-www-form-urlencoded";
  readonly secret?: string;
  /** Seconds since the epoch; defaults to now. */
  readonly timestamp?: number;
  /** Overrides the computed signature, to test rejection. */
  readonly signature?: string;
  readonly headers?: Record<string, string>;
}

export interface PostResult {
  readonly status: number;
  readonly text: string;
}

export async function postSigned(url: string, post: SignedPost): Promise<PostResult> {
  const timestamp = post.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = post.signature ?? slackSignature(post.secret ?? TEST_SIGNING_SECRET, timestamp, post.body);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": post.contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature,
      ...post.headers,
    },
    body: post.body,
  });
  return { status: response.status, text: await response.text() };
}

export interface SlashCommandFields {
  readonly text: string;
  readonly responseUrl: string;
  readonly userId?: string;
  readonly channelId?: string;
}

export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: "T0000001",
    team_domain: "fake",
    channel_id: fields.channelId ?? "C0000001",
    channel_name: "general",
    user_id: fields.userId ?? "U0000001",
    user_name: "ada",
    command: "/ask",
    text: fields.text,
    api_app_id: "A0000001",
    is_enterprise_install: "false",
    response_url: fields.responseUrl,
    trigger_id: "1.2.3",
  }).toString();
}

export interface ButtonPressFields {
  readonly actionId: string;
  readonly value: string;
  readonly responseUrl: string;
  readonly isEphemeral: boolean;
  readonly userId?: string;
}

export function buttonPressBody(fields: ButtonPressFields): string {
  const payload = {
    type: "block_actions",
    user: { id: fields.userId ?? "U0000001", username: "ada", name: "ada", team_id: "T0000001" },
    api_app_id: "A0000001",
    token: "deprecated-verification-token",
    container: { type: "message", message_ts: "1700000000.000100", channel_id: "C0000001", is_ephemeral: fields.isEphemeral },
    trigger_id: "1.2.3",
    team: { id: "T0000001", domain: "fake" },
    channel: { id: "C0000001", name: "general" },
    response_url: fields.responseUrl,
    actions: [
      {
        type: "button",
        action_id: fields.actionId,
        block_id: "blk",
        text: { type: "plain_text", text: "label" },
        value: fields.value,
        action_ts: "1700000001.000200",
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function eventBody(eventId: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    token: "deprecated-verification-token",
    team_id: "T0000001",
    api_app_id: "A0000001",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ enterprise_id: null, team_id: "T0000001", user_id: "UBOT0001", is_bot: true }],
  });
}

/** Delivers one event envelope to a Slack app's events URL, signed; resolves with the HTTP status. */
export async function postEvent(
  eventsUrl: string,
  eventId: string,
  event: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<number> {
  return (await postSigned(eventsUrl, { contentType: "application/json", body: eventBody(eventId, event), headers })).status;
}

export interface MessageShortcutFields {
  readonly callbackId: string;
  readonly text: string;
  readonly responseUrl: string;
  readonly userId?: string;
  readonly attachments?: readonly Record<string, unknown>[];
}

/** A message shortcut press ("Ask the article" in a message's menu), as Slack posts it. */
export function messageShortcutBody(fields: MessageShortcutFields): string {
  const payload = {
    type: "message_action",
    callback_id: fields.callbackId,
    trigger_id: "1.2.3",
    message_ts: "1700000200.000100",
    response_url: fields.responseUrl,
    action_ts: "1700000201.000200",
    token: "deprecated-verification-token",
    team: { id: "T0000001", domain: "fake" },
    channel: { id: "C0000001", name: "general" },
    user: { id: fields.userId ?? "U0000001", name: "ada", username: "ada", team_id: "T0000001" },
    message: {
      type: "message",
      user: "U0000007",
      ts: "1700000200.000100",
      text: fields.text,
      ...(fields.attachments === undefined ? {} : { attachments: fields.attachments }),
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
