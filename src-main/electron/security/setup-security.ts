import { app, protocol, session, type Session } from 'electron';
import { pageCsp, pageKindOf } from '../../web-pages/csp';
import type { WindowRegistry } from '../window-registry';
import { APP_ORIGIN, APP_SCHEME } from './app-protocol';
import { decideWindowOpen, isAllowedNavigation } from './navigation-policy';
import { isPermissionAllowed } from './permission-policy';
import { serveAppRequest } from './serve-app';

/** Where security refusals are reported (they are worth a line in the station log). */
export type SecurityLog = (message: string) => void;

/**
 * Must run before app 'ready': declares our scheme standard and secure (so relative URLs,
 * fetch and a real origin work) and turns the sandbox on for every renderer.
 */
export function registerAppScheme(): void {
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/**
 * Applies the security policy after 'ready': serves out/renderer on our scheme with the CSP,
 * answers permission requests and checks from the pure policy, denies device pickers, and on
 * every webContents denies foreign navigation, window.open and <webview>.
 */
export function setupSecurity(options: {
  rendererDir: string;
  registry: WindowRegistry;
  log: SecurityLog;
}): void {
  const { rendererDir, registry, log } = options;
  // The cashier's policy is the stricter one: anything not a customer page gets it.
  const csp = pageCsp('cashier', APP_ORIGIN);
  const ses = session.defaultSession;
  serveAppScheme(ses, rendererDir, log);

  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    const allowed = isPermissionAllowed({
      role: registry.roleOf(contents.id),
      permission,
      requestingUrl: details.requestingUrl,
      mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined,
      isMainFrame: details.isMainFrame,
    });
    if (!allowed) log(`permission ${permission} denied to ${details.requestingUrl.slice(0, 200)}`);
    callback(allowed);
  });
  ses.setPermissionCheckHandler((contents, permission, requestingOrigin, details) =>
    isPermissionAllowed({
      role: contents ? registry.roleOf(contents.id) : null,
      permission,
      requestingUrl: details.requestingUrl ?? requestingOrigin,
      mediaTypes: details.mediaType ? [details.mediaType] : undefined,
      isMainFrame: details.isMainFrame,
    }),
  );
  // Scanners and serial ports are read by main; no page ever gets a device.
  ses.setDevicePermissionHandler(() => false);
  // Our scheme's responses carry the CSP already; this covers anything else that loads.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (isAllowedNavigation(event.url, registry.roleOf(contents.id))) return;
      event.preventDefault();
      log(`navigation to ${event.url.slice(0, 200)} denied`);
    });
    contents.on('will-frame-navigate', (event) => {
      if (isAllowedNavigation(event.url, registry.roleOf(contents.id))) return;
      event.preventDefault();
      log(`frame navigation to ${event.url.slice(0, 200)} denied`);
    });
    contents.on('will-redirect', (event) => {
      if (isAllowedNavigation(event.url, registry.roleOf(contents.id))) return;
      event.preventDefault();
      log(`redirect to ${event.url.slice(0, 200)} denied`);
    });
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url);
      log(decision.reason);
      return { action: decision.action };
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log('<webview> denied');
    });
  });
}

function serveAppScheme(ses: Session, rendererDir: string, log: SecurityLog): void {
  ses.protocol.handle(APP_SCHEME, (request) => {
    const path = URL.canParse(request.url) ? new URL(request.url).pathname : '';
    const csp = pageCsp(pageKindOf(path), APP_ORIGIN);
    return serveAppRequest(request.url, { rootDir: rendererDir, csp, log });
  });
}
