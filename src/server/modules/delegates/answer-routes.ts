import type { FastifyInstance } from "fastify";
import { answerEndpoints as e } from "../../../contracts/delegate-answers";
import { route } from "../../platform/http";
import {
  answerConfirmation,
  confirmationPage,
  confirmationTally,
  newPersonalLink,
  remindUnanswered,
  setConfirmationDeadline,
} from "./answers";

/** Confirmation: the delegate's public page (the token is the key), the organisers' tally, deadline and reminders. */
export async function answerRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  route(app, e.page, ({ params }) => confirmationPage(db(), { token: params.token }));
  route(app, e.answer, ({ params, body }) => answerConfirmation(db(), { token: params.token, input: body }));
  route(app, e.tally, ({ actor, params }) => confirmationTally(db(), { actor, conferenceId: params.id }));
  route(app, e.deadline, ({ actor, params, body }) =>
    setConfirmationDeadline(db(), { actor, conferenceId: params.id, at: body.confirmBy }),
  );
  route(app, e.remind, ({ actor, params }) => remindUnanswered(db(), { actor, conferenceId: params.id }));
  route(app, e.link, ({ actor, params }) => newPersonalLink(db(), { actor, conferenceId: params.id, delegateId: params.delegateId }));
}
