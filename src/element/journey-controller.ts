import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { initialContext, type JourneySnapshot } from '../machine/index.ts';
import {
  createJourneyRunner,
  type JourneyIntent,
  type JourneyPorts,
  type JourneyRunner,
} from '../runtime/index.ts';

const NOT_STARTED: JourneySnapshot = { state: 'idle', context: initialContext };

/**
 * Connects a journey runner to a Lit element's life: started when the element is connected, stopped when it is
 * removed, a re-render on every change. The runner does the work; this only plugs it in.
 */
export class JourneyController implements ReactiveController {
  private runner: JourneyRunner | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ports: () => JourneyPorts,
  ) {
    host.addController(this);
  }

  get snapshot(): JourneySnapshot {
    return this.runner?.getSnapshot() ?? NOT_STARTED;
  }

  send(intent: JourneyIntent): void {
    this.runner?.send(intent);
  }

  hostConnected(): void {
    this.runner = createJourneyRunner(this.ports());
    this.runner.subscribe(() => this.host.requestUpdate());
    this.runner.start();
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.runner?.stop();
    this.runner = null;
  }
}
