/**
 * Conferences (Hội nghị) as records: the conference, its delegate groups and its agenda. Speeches, awards and
 * logistics are in `conference-program.ts`, the stage timer in `stage.ts`. Request bodies are strict.
 */
import { z } from "zod";

export const ConferenceFormat = z.enum(["in_person", "online", "combined"], {
  error: "Hình thức phải là trực tiếp (in_person), trực tuyến (online) hoặc kết hợp (combined).",
});
export type ConferenceFormat = z.infer<typeof ConferenceFormat>;

export const AgendaItemKind = z.enum(["item", "speeches", "awards"]);
export type AgendaItemKind = z.infer<typeof AgendaItemKind>;

export const AwardKind = z.enum(["collective", "individual"], { error: "Đối tượng khen thưởng phải là tập thể hoặc cá nhân." });
export type AwardKind = z.infer<typeof AwardKind>;

/** The logistics a plan assigns for its conference (seed 001 assigns exactly these). */
export const LogisticsKind = z.enum(["hall", "decoration", "security", "medical", "power", "water", "transport", "documents", "other"]);
export type LogisticsKind = z.infer<typeof LogisticsKind>;

/** What the stage timer is timing: nothing yet, an agenda item, a speech, or a free label. */
export const TimerSubjectKind = z.enum(["none", "agenda", "speech", "custom"]);
export type TimerSubjectKind = z.infer<typeof TimerSubjectKind>;
