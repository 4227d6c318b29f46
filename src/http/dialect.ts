/**
 * The shape every dialect folder exports (`dialects/<family>/index.ts`). A dialect knows three
 * things: which requests are its own, how its callers sign, and how to translate between its
 * wire format and the core's commands and outcomes. It never touches storage or models.
 *
 * The pipeline (`http/pipeline.ts`) calls the steps in order: parse → authenticate → command →
 * (rate limit, quota, core, durable record) → render.
 *
 * @example
 *   const dialect: Dialect<MyParsed> = {
 *     name: 'my-family', claims: (req) => req.path === '/x', parse, authenticate, toCommand, render,
 *   };
 */
import type { Command } from '../core/commands.ts';
import type { Outcome } from '../core/outcomes.ts';
import type { App, AuthDeps } from '../security/apps.ts';
import type { WireRequest, WireResponse } from './wire.ts';

/** A step that could not go on: the outcome to render, and the action if it was known. */
export interface Refusal {
  refused: Outcome;
}

export const refuse = (refused: Outcome): Refusal => ({ refused });
export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && 'refused' in value;

/** Everything a dialect needs to render one answer. */
export interface RenderContext<P> {
  requestId: string;
  request: WireRequest;
  /** The parsed request when parsing succeeded. */
  parsed?: P;
  outcome: Outcome;
}

export interface Dialect<P extends { action: string } = { action: string }> {
  readonly name: string;
  claims(request: WireRequest): boolean;
  /** Framing and routing: body decoding, action name. */
  parse(request: WireRequest): P | Refusal;
  /** Signature check; resolves the calling app (which may be disabled: the pipeline checks). */
  authenticate(parsed: P, request: WireRequest, deps: AuthDeps): Promise<App | Refusal>;
  /** Translate the wire fields into a core command. */
  toCommand(parsed: P): Command | Refusal;
  render(context: RenderContext<P>): WireResponse;
}
