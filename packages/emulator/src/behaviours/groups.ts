// What each group method does to the emulated WhatsApp, as its page describes it. Every answer
// starts from one of the spec's named examples (so its status and shape are the spec's) and only
// live values (ids, links, members) are filled in; the generated types check each body.

import { chatIdOfPhone } from "../inputs.js";
import { MAX_GROUP_MEMBERS, MAX_GROUPS } from "../limits.js";
import {
  NO_WHATSAPP_EXAMPLE,
  NOT_CREATED_NAME,
  OVERLIMIT_EXAMPLE,
  refusesAddingByDefault,
} from "../magic.js";
import { identifierOf, specAnswer } from "../spec.js";
import type { Group, Member, World } from "../world.js";
import {
  answer,
  type Behaviours,
  bodyOf as body,
  type CallContext,
  hasWhatsApp,
  type Ok,
} from "./context.js";

/**
 * The person a participant body names: by chat id, by phone, or by the hidden-number id a group
 * showed for them (all the same person).
 */
function personOf(
  ctx: CallContext,
  ref: { participantChatId?: string; participantPhone?: number },
): string {
  const id = ref.participantChatId ?? chatIdOfPhone(ref.participantPhone as number);
  return ctx.world.personOfLid(id) ?? id;
}

/** The group, when the instance is one of its members (a group it left is out of its reach). */
function groupOf(ctx: CallContext, groupId: string): Group | undefined {
  const group = ctx.world.groups.get(groupId);
  return group?.members.has(ctx.instance.chatId) ? group : undefined;
}

/** What a participant call names: the group (within the instance's reach), the person, and the instance itself. */
function participantCall(
  ctx: CallContext,
  ref: { groupId: string; participantChatId?: string; participantPhone?: number },
): { group: Group | undefined; person: string; me: string } {
  return { group: groupOf(ctx, ref.groupId), person: personOf(ctx, ref), me: ctx.instance.chatId };
}

function isAdmin(group: Group, id: string): boolean {
  return group.members.get(id)?.isAdmin === true;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/** A member leaves: with no admin left, WhatsApp makes the longest-standing member one. */
function removeMember(world: World, group: Group, id: string): void {
  group.members.delete(id);
  if (group.members.size === 0) {
    world.groups.delete(group.id);
    return;
  }
  if (![...group.members.values()].some((m) => m.isAdmin)) {
    const first = group.members.values().next().value as Member;
    first.isAdmin = true;
  }
}

export const groupBehaviours = {
  createGroup(ctx) {
    const { groupName, chatIds } = body(ctx);
    const overlimit = specAnswer(ctx.operation, OVERLIMIT_EXAMPLE);
    if (groupName === identifierOf(overlimit)) return overlimit;
    // A member without WhatsApp fails the whole call with a 500 and no group (green-api/issues
    // #544 and #748), where WhatsApp's own app would leave that member out.
    if (chatIds.some((id) => !hasWhatsApp(ctx, ctx.world.personOfLid(id) ?? id)))
      return specAnswer(ctx.operation, NO_WHATSAPP_EXAMPLE);
    const { world, instance } = ctx;
    if (groupName === NOT_CREATED_NAME || world.groups.size >= MAX_GROUPS)
      return answer(ctx, "notCreated");
    const now = seconds(ctx.now);
    const group: Group = {
      id: world.newGroupId(),
      owner: instance.chatId,
      subject: groupName,
      creation: now,
      subjectTime: now,
      subjectOwner: instance.chatId,
      inviteLink: world.newInviteLink(),
      members: new Map([[instance.chatId, { isAdmin: true, isSuperAdmin: true }]]),
      settings: {
        allowParticipantsEditGroupSettings: true,
        allowParticipantsSendMessages: true,
        // Off, so only admins add people: the page's first reason for `addParticipant: false`.
        allowParticipantsAddMembers: false,
      },
      urlAvatar: null,
    };
    for (const id of chatIds) {
      if (group.members.size >= MAX_GROUP_MEMBERS) break;
      if (!group.members.has(id)) group.members.set(id, { isAdmin: false, isSuperAdmin: false });
    }
    world.groups.set(group.id, group);
    return answer(ctx, "created", {
      created: true,
      chatId: group.id,
      groupInviteLink: group.inviteLink,
    });
  },

  getGroupData(ctx) {
    const { groupId } = body(ctx);
    const group = groupOf(ctx, groupId);
    // Green API documents no answer for a group the instance is not in: the emulator refuses it.
    if (!group) return specAnswer(ctx.operation, "badRequestData");
    const data: Ok<"getGroupData"> = {
      groupId: group.id,
      owner: group.owner,
      subject: group.subject,
      creation: group.creation,
      participants: [...group.members].map(([id, m]) => {
        const lid = ctx.world.lidOf(id);
        return { id, ...(lid ? { lid } : {}), isAdmin: m.isAdmin, isSuperAdmin: m.isSuperAdmin };
      }),
      subjectTime: group.subjectTime,
      subjectOwner: group.subjectOwner,
      groupInviteLink: isAdmin(group, ctx.instance.chatId) ? group.inviteLink : "",
      ephemeralExpiration: 0,
      ...group.settings,
      isCommunity: false,
      isCommunityAnnounce: false,
      size: group.members.size,
    };
    return { ...specAnswer(ctx.operation, "asAdmin"), body: data };
  },

  updateGroupName(ctx) {
    const { groupId, groupName } = body(ctx);
    const group = groupOf(ctx, groupId);
    const me = ctx.instance.chatId;
    if (!group || (!group.settings.allowParticipantsEditGroupSettings && !isAdmin(group, me)))
      return answer(ctx, "notRenamed");
    group.subject = groupName;
    group.subjectTime = seconds(ctx.now);
    group.subjectOwner = me;
    return answer(ctx, "renamed");
  },

  updateGroupSettings(ctx) {
    const { groupId, ...settings } = body(ctx);
    const group = groupOf(ctx, groupId);
    if (!group || !isAdmin(group, ctx.instance.chatId)) return answer(ctx, "notUpdated");
    for (const [key, value] of Object.entries(settings)) {
      if (typeof value === "boolean")
        (group.settings as unknown as Record<string, boolean>)[key] = value;
    }
    return answer(ctx, "updated");
  },

  addGroupParticipant(ctx) {
    const { group, person, me } = participantCall(ctx, body(ctx));
    const mayAdd = group && (isAdmin(group, me) || group.settings.allowParticipantsAddMembers);
    const full = group && group.members.size >= MAX_GROUP_MEMBERS;
    // Whose privacy settings let only contacts add them is not added either: an invite link is
    // the way in for them.
    const refuses = ctx.world.inbox.refusesAdding.has(person) || refusesAddingByDefault(person);
    const member = group?.members.has(person);
    if (!group || !mayAdd || full || member || !hasWhatsApp(ctx, person) || refuses)
      return answer(ctx, "notAdded");
    group.members.set(person, { isAdmin: false, isSuperAdmin: false });
    return answer(ctx, "added");
  },

  removeGroupParticipant(ctx) {
    const { group, person, me } = participantCall(ctx, body(ctx));
    // The instance leaves with leaveGroup, and nobody removes the group's super admin.
    if (!group || !isAdmin(group, me) || person === me) return answer(ctx, "notRemoved");
    const member = group.members.get(person);
    if (!member || member.isSuperAdmin) return answer(ctx, "notRemoved");
    removeMember(ctx.world, group, person);
    return answer(ctx, "removed");
  },

  setGroupAdmin(ctx) {
    const request = body(ctx);
    const group = groupOf(ctx, request.groupId);
    if (!group || !isAdmin(group, ctx.instance.chatId)) return answer(ctx, "notPromotedWrongGroup");
    const member = group.members.get(personOf(ctx, request));
    if (!member) return answer(ctx, "notPromoted");
    // Green API's page: `false` for someone who is an admin already.
    if (member.isAdmin) return answer(ctx, "alreadyAdmin");
    member.isAdmin = true;
    return answer(ctx, "promoted");
  },

  removeAdmin(ctx) {
    const { group, person, me } = participantCall(ctx, body(ctx));
    if (!group || !isAdmin(group, me)) return answer(ctx, "notDemoted");
    const member = group.members.get(person);
    // The super admin keeps its rights; demoting oneself is allowed when another admin remains.
    if (!member?.isAdmin || member.isSuperAdmin) return answer(ctx, "notDemoted");
    const admins = [...group.members.values()].filter((m) => m.isAdmin).length;
    if (person === me && admins < 2) return answer(ctx, "notDemoted");
    member.isAdmin = false;
    return answer(ctx, "demoted");
  },

  setGroupPicture(ctx) {
    const { groupId } = body(ctx);
    const group = groupOf(ctx, groupId);
    const me = ctx.instance.chatId;
    if (!group || (!group.settings.allowParticipantsEditGroupSettings && !isAdmin(group, me)))
      return answer(ctx, "pictureNotSet");
    const set = specAnswer(ctx.operation, "pictureSet");
    const example = (set.body as Ok<"setGroupPicture">).urlAvatar ?? "";
    // The documented URL's folder, with a fresh file name: each picture gets its own URL.
    const folder = example.slice(0, example.lastIndexOf("/") + 1);
    group.urlAvatar = `${folder}${ctx.world.newAvatarName()}`;
    return answer(ctx, "pictureSet", { urlAvatar: group.urlAvatar });
  },

  leaveGroup(ctx) {
    const { groupId } = body(ctx);
    const group = groupOf(ctx, groupId);
    if (!group) return answer(ctx, "notLeft");
    const wasAdmin = isAdmin(group, ctx.instance.chatId);
    removeMember(ctx.world, group, ctx.instance.chatId);
    // An admin's answer is `removeAdmin` alone, as the live service answered (a recording of
    // 2026 in spec/recordings/green-api.json).
    return answer(ctx, wasAdmin ? "leftAsAdmin" : "left");
  },
} satisfies Partial<Behaviours>;
