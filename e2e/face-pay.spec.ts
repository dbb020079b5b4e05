import { chromium, type Browser, type Page } from '@playwright/test';
import { openCashier, type RawClient } from './support/raw-ws';
import { E2E_CONFIG, expect, startStation, test } from './support/station';
import { faceImage, writeFaceScenes } from './support/face-fixtures';
import { freePort, pairWithCode, shot } from './support/helpers';

/**
 * Face payment through Chromium's fake camera, fed real faces cut out of @vladmandic/human's
 * sample pictures: one plain station (its embedded sandbox) for the file; one browser per
 * camera scene (the fake camera's file is fixed at launch).
 */
test.describe.configure({ mode: 'serial' });

let sandboxUrl: string;
let station: Awaited<ReturnType<typeof startStation>>;
let raw: RawClient;
let scenes: Record<string, string>;
let seq = 1;

async function call(command: string, input: unknown): Promise<Record<string, unknown>> {
  const reply = await raw.call(seq++, command, input);
  const result = reply.result as { ok: boolean; value: Record<string, unknown> };
  expect(result?.ok, `${command}: ${JSON.stringify(reply)}`).toBe(true);
  return result.value;
}

/**
 * Enrols person A's first photo for `accountId` as a customer does: the payment system's
 * enrolment page (account, wallet password, phone, photo), no admin call.
 */
async function enrol(accountId: string, phone: string): Promise<void> {
  const form = new FormData();
  form.set('account', accountId);
  form.set('password', '123456');
  form.set('phone', phone);
  form.set(
    'photo',
    new Blob([new Uint8Array(await faceImage('a1'))], { type: 'image/png' }),
    'me.png',
  );
  const enrolled = await fetch(`${sandboxUrl}/faces/enrol`, { method: 'POST', body: form });
  expect(enrolled.status, await enrolled.clone().text()).toBe(200);
}

test.beforeAll(async () => {
  test.setTimeout(60_000);
  scenes = await writeFaceScenes(test.info().outputPath('camera'));
  // A plain station: its own embedded sandbox, as `npm start` runs it.
  const port = await freePort();
  sandboxUrl = `http://127.0.0.1:${port}`;
  station = await startStation({
    ...E2E_CONFIG,
    customer: { language: 'en', resultSeconds: 120 },
    payments: { sandbox: { port } },
  });
  raw = await openCashier(station.station.wsUrl, station.station.cashierUrl);
  // Person A is enrolled from a different photo than the one the camera will show.
  await enrol('wx-alice', '13800138000');
});

test.afterAll(async () => {
  raw?.close();
  await station?.stop();
});

/** A customer display in its own Chromium whose camera shows `scene`, at the face screen. */
async function faceScreen(scene: string): Promise<{ browser: Browser; customer: Page }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${scenes[scene]}`,
    ],
  });
  const customer = await (
    await browser.newContext({ viewport: { width: 1024, height: 768 } })
  ).newPage();
  // The last scene's result or cancellation gives way to the idle screen the pairing ends on.
  const { phase } = await call('checkout.get', {});
  if (phase !== 'idle') await call('checkout.reset', {});
  const { code } = (await call('pairing.create', {})) as { code: string };
  await pairWithCode(customer, station.station.customerUrl, code);
  const submitted = await call('order.submit', {
    order: {
      lines: [{ id: 'l1', name: 'Green tea', quantity: '1', unitPrice: 1200, amount: 1200 }],
      adjustments: [],
      total: 1200,
    },
  });
  await call('checkout.send', { revision: submitted.revision, acceptWarnings: false });
  await customer.getByRole('button', { name: 'Confirm' }).click();
  await customer.locator('button[data-method="face"]').click();
  return { browser, customer };
}

const prompt = (page: Page) => page.getByTestId('face-prompt');
const cameraOff = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('video')).every((v) => v.srcObject === null),
  );

test('an enrolled face pays by itself, and the camera is off after', async () => {
  const { browser, customer } = await faceScreen('a');
  try {
    await expect(customer.locator('.result-paid')).toBeVisible({ timeout: 40_000 });
    expect(await cameraOff(customer)).toBe(true);
    await shot(customer, 'face-paid');
    // The display told the station its camera worked (the device panel's camera row).
    expect(await call('devices.camera', {})).toMatchObject({
      report: { state: 'live', error: null },
    });
  } finally {
    await browser.close();
  }
});

test('another person is refused with a clear message', async () => {
  const { browser, customer } = await faceScreen('b');
  try {
    await expect(customer.getByTestId('pay-reason')).toHaveText(/not recognised/, {
      timeout: 40_000,
    });
    expect(await cameraOff(customer)).toBe(true);
  } finally {
    await browser.close();
  }
});

for (const [scene, expected] of [
  ['none', 'no_face'],
  ['two', 'one_person'],
] as const)
  test(`the ${scene} scene asks: ${expected}`, async () => {
    const { browser, customer } = await faceScreen(scene);
    try {
      const seen = new Set<string>();
      try {
        await expect(async () => {
          const p = await prompt(customer).getAttribute('data-prompt');
          seen.add(`${p} ${await prompt(customer).getAttribute('data-real-live')}`);
          expect(p).toBe(expected);
        }).toPass({ timeout: 30_000, intervals: [300] });
      } finally {
        // What the models said on the way (prompt, anti-spoof/liveness per face), in the report.
        test.info().annotations.push({ type: 'prompts', description: [...seen].join(', ') });
      }
      await shot(customer, `face-${scene}`);
      // Nothing was sent: the checkout still waits for the face.
      expect((await call('checkout.get', {})).phase).toBe('collecting_credential');
      await call('checkout.cancel', {});
    } finally {
      await browser.close();
    }
  });

test('look-alike accounts: the customer confirms with the last 4 phone digits', async () => {
  // Bob enrols a photo of the same man: the face alone cannot tell Alice's account from Bob's.
  await enrol('ali-bob', '13900002222');
  const { browser, customer } = await faceScreen('a');
  try {
    await expect(customer.getByTestId('pay-reason')).toHaveText(/more than one account/, {
      timeout: 40_000,
    });
    await customer.getByRole('button', { name: 'Pay another way' }).click();
    await customer.locator('button[data-method="face"]').click();
    // No second look at the camera: the same descriptor goes again, with the digits.
    await expect(customer.getByTestId('face-phone-prompt')).toBeVisible();
    expect(await cameraOff(customer)).toBe(true);
    for (const d of '2222') await customer.getByRole('button', { name: d, exact: true }).click();
    await shot(customer, 'face-phone-digits');
    await customer.getByRole('button', { name: 'Pay', exact: true }).click();
    await expect(customer.locator('.result-paid')).toBeVisible({ timeout: 20_000 });
  } finally {
    await browser.close();
  }
});

// A flat picture held up, where the models can tell: a washed-out black-and-white print of the
// enrolled man's photo on a sheet of paper; the window scores it anti-spoof 0.82, liveness 0.17
// (the colour scene 'a': 0.57 / 1.00). Where they cannot (docs/payment-api.md, "Liveness on the
// display"): the same print at full contrast (liveness 0.66), prints of his other photo or of
// person b (0.86–1.00), the halftone 'printed' scene (0.95); the anti-spoof model scores every
// picture ≥ 0.53. Those pictures pass the gate: a known limit of these two models, not the gate's.
test('a black-and-white print held up is refused by the liveness gate; nothing is sent', async () => {
  const { browser, customer } = await faceScreen('greyPrint');
  try {
    const seen = new Set<string>();
    try {
      await expect(async () => {
        const p = await prompt(customer).getAttribute('data-prompt');
        seen.add(`${p} ${await prompt(customer).getAttribute('data-real-live')}`);
        expect(p).toBe('not_live');
      }).toPass({ timeout: 30_000, intervals: [300] });
    } finally {
      test.info().annotations.push({ type: 'prompts', description: [...seen].join(', ') });
    }
    await shot(customer, 'face-grey-print');
    // Never captured: the checkout still waits for a face, no payment was tried.
    expect((await call('checkout.get', {})).phase).toBe('collecting_credential');
    await call('checkout.cancel', {});
  } finally {
    await browser.close();
  }
});
