import type { Locator, Page } from 'playwright-core';

export class CopilotPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Copilot' });
  }

  get noModel(): Locator {
    return this.page.getByRole('note').filter({ hasText: 'No model loaded' });
  }

  get folderInput(): Locator {
    return this.page.getByLabel('Models folder');
  }

  get models(): Locator {
    return this.page.locator('.model-row');
  }

  model(file: string): Locator {
    return this.models.filter({ hasText: file });
  }

  get loadedStatus(): Locator {
    return this.page.getByTestId('model-loaded');
  }

  get question(): Locator {
    return this.page.getByRole('textbox', { name: 'Question' });
  }

  get ask(): Locator {
    return this.page.getByRole('button', { name: 'Ask', exact: true });
  }

  get stop(): Locator {
    return this.page.getByRole('button', { name: 'Stop', exact: true });
  }

  /** "About incident: <title>" above a conversation that belongs to an incident. */
  get aboutIncident(): Locator {
    return this.page.locator('.copilot-incident');
  }

  /** The failure brief cards at the top of answers. */
  get brief(): Locator {
    return this.page.getByRole('region', { name: 'Failure brief' });
  }

  get answers(): Locator {
    return this.page.locator('.copilot-assistant');
  }

  async setFolder(dir: string): Promise<void> {
    await this.folderInput.fill(dir);
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
  }
}
