import { useQuery } from "@tanstack/react-query";
import { type StageProgram, stageEndpoints, type TimerCommand, type TimerState } from "../../../contracts/stage";
import { ApiError, call } from "../../app/api";

export const stageKeys = {
  program: (conferenceId: string) => ["stage", conferenceId, "program"] as const,
};

/** The agenda and speeches to pick from; 403 for anyone who may not run the stage. */
export function useStageProgram(conferenceId: string) {
  return useQuery<StageProgram, ApiError>({
    queryKey: stageKeys.program(conferenceId),
    queryFn: () => call(stageEndpoints.program, { params: { id: conferenceId } }),
  });
}

export const fetchTimer = (conferenceId: string): Promise<TimerState> => call(stageEndpoints.timer, { params: { id: conferenceId } });

/** A command as the operator's page builds it: the page adds the id and the seq it saw. */
export type OperatorCommand = TimerCommand extends infer C
  ? C extends TimerCommand
    ? Omit<C, "commandId" | "expectedSeq">
    : never
  : never;

/**
 * Sends one command with a fresh id; when the network fails before an answer, sends the same id again (the server
 * applies it once), up to three tries.
 */
export async function sendCommand(conferenceId: string, command: OperatorCommand, expectedSeq: number): Promise<TimerState> {
  const body = { ...command, commandId: crypto.randomUUID(), expectedSeq } as TimerCommand;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call(stageEndpoints.command, { params: { id: conferenceId }, body });
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "NETWORK") || attempt >= 3) throw error;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}
