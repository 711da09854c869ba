// What the three methods a group job needs do to the emulated WhatsApp: getStateInstance reads the
// instance's state, checkWhatsapp asks whether a number has WhatsApp, sendMessage puts a text in
// a chat (counted by the Developer plan's chat quota). Answers start from the spec's examples.
import { chatIdOfPhone } from "../inputs.js";
import { type SpecAnswer, specAnswer } from "../spec.js";
import { monthOf } from "../world.js";
import { type Behaviours, bodyOf, type CallContext, hasWhatsApp } from "./context.js";

/** The 466 of the chat quota: the spec's report, its chats part with the live numbers. */
function chatQuotaAnswer(ctx: CallContext<"sendMessage">, used: number, total: number): SpecAnswer {
  const found = specAnswer(ctx.operation, "quotaExceeded");
  const report = found.body as { correspondentsStatus?: Record<string, unknown> };
  found.body = { correspondentsStatus: { ...report.correspondentsStatus, used, total } };
  return found;
}

export const jobBehaviours = {
  getStateInstance(ctx) {
    const found = specAnswer(ctx.operation, "authorized");
    found.body = { stateInstance: ctx.instance.state };
    return found;
  },

  checkWhatsapp(ctx) {
    const { phoneNumber } = bodyOf(ctx);
    const exists = hasWhatsApp(ctx, chatIdOfPhone(phoneNumber));
    return specAnswer(ctx.operation, exists ? "exists" : "notExists");
  },

  sendMessage(ctx) {
    const { chatId, message } = bodyOf(ctx);
    const { world, instance } = ctx;
    const person = chatId.endsWith("@g.us") ? undefined : (world.personOfLid(chatId) ?? chatId);
    // A group the instance is not in cannot be written to; the service's answer is undocumented.
    if (!person && !world.groups.get(chatId)?.members.has(instance.chatId))
      return specAnswer(ctx.operation, "badRequestData");
    const target = person ?? chatId;
    if (ctx.chatQuota !== undefined) {
      const month = monthOf(ctx.now);
      if (!world.inbox.chatQuotaLeft(instance.idInstance, month, target, ctx.chatQuota))
        return chatQuotaAnswer(
          ctx,
          world.inbox.chatsOf(instance.idInstance, month).size,
          ctx.chatQuota,
        );
      world.inbox.chatsOf(instance.idInstance, month).add(target);
    }
    const idMessage = world.newMessageId();
    world.inbox.record({
      idMessage,
      idInstance: instance.idInstance,
      chatId: target,
      message,
      at: Math.floor(ctx.now / 1000),
      delivered: person === undefined || hasWhatsApp(ctx, person),
    });
    const found = specAnswer(ctx.operation, "sent");
    found.body = { idMessage };
    return found;
  },
} satisfies Partial<Behaviours>;
