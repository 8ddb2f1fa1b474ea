import { AirflowClientError, AirflowHttpError } from '../airflow/http/http-errors';

/** Turns an Airflow refusal into a sentence an operator can act on. */
export function explainActionError(error: unknown): { message: string; hint?: string } {
  if (error instanceof AirflowHttpError) {
    switch (error.status) {
      case 401:
        return {
          message: `${error.call} was refused: the stored credentials are no longer valid.`,
          hint: 'Edit the environment and enter them again.',
        };
      case 403:
        return {
          message: `Your Airflow user may not do this (${error.call} returned 403 Forbidden).`,
          hint: 'Ask an Airflow admin for a role that can change DAGs and runs (User or Op), or use another account.',
        };
      case 404:
        return {
          message: `Airflow does not know this target any more (${error.call} returned 404).`,
          hint: 'Sync the environment and try again.',
        };
      case 409:
        return {
          message: `Airflow refused a duplicate (${error.call} returned 409)${error.detail ? `: ${error.detail}` : ''}.`,
          hint: 'Use another run id, or leave it empty.',
        };
      case 422:
      case 400:
        return {
          message: `Airflow rejected the request as invalid${error.detail ? `: ${error.detail}` : ''}.`,
          hint: 'Check the values; for a trigger, check the conf against the DAG params.',
        };
      default:
        return { message: error.message };
    }
  }
  if (error instanceof AirflowClientError)
    return { message: error.message, hint: 'Check that Airflow is reachable; nothing was changed if the request never arrived.' };
  return { message: error instanceof Error ? error.message : String(error) };
}
