/** One validation problem, as the Platform API lists them in `validation.errors`. */
export interface ValidationItem {
  itemId: string;
  message: string;
  validatorName: string;
}

/** The body of every Platform API error response. */
export interface CodatErrorBody {
  statusCode: number;
  service: 'PublicApi';
  error: string;
  correlationId: string;
  validation: { errors: ValidationItem[]; warnings: ValidationItem[] } | null;
  canBeRetried: 'Unknown';
  detailedErrorCode: 0;
}

/** A Platform API error response with the platform's body shape. */
export function codatError(
  status: number,
  message: string,
  correlationId: string,
  options: { validation?: ValidationItem[]; headers?: Record<string, string> } = {},
): Response {
  const body: CodatErrorBody = {
    statusCode: status,
    service: 'PublicApi',
    error: message,
    correlationId,
    validation: options.validation ? { errors: options.validation, warnings: [] } : null,
    canBeRetried: 'Unknown',
    detailedErrorCode: 0,
  };
  return json(status, body, options.headers);
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}
