import Database from 'better-sqlite3';
import { SANDBOX_MERCHANT } from '../src-main/payment-api/sandbox-launch';

/** The sandbox acquirer's own schema; it is a separate system, so it shares nothing with the ledger. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS merchants (id TEXT PRIMARY KEY, key TEXT NOT NULL, name TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, platform TEXT NOT NULL,
  balance INTEGER NOT NULL CHECK (balance >= 0),
  per_payment_limit INTEGER NOT NULL, password TEXT NOT NULL, password_above INTEGER NOT NULL,
  currency TEXT NOT NULL DEFAULT 'CNY'
) STRICT;
CREATE TABLE IF NOT EXISTS codes (
  code TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id),
  expires_at INTEGER NOT NULL, used_at INTEGER
) STRICT;
CREATE TABLE IF NOT EXISTS payments (
  merchant_id TEXT NOT NULL, merchant_order_no TEXT NOT NULL,
  payment_id TEXT NOT NULL UNIQUE, amount INTEGER, currency TEXT, platform TEXT, method TEXT,
  account_id TEXT, status TEXT NOT NULL, reason TEXT, refunded INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL, pending_until INTEGER, done_at INTEGER, done_day TEXT,
  credential_sha256 TEXT,
  PRIMARY KEY (merchant_id, merchant_order_no)
) STRICT;
CREATE INDEX IF NOT EXISTS payments_done ON payments(merchant_id, done_day);
CREATE INDEX IF NOT EXISTS payments_account ON payments(account_id, status);
CREATE TABLE IF NOT EXISTS refunds (
  merchant_id TEXT NOT NULL, refund_no TEXT NOT NULL, merchant_order_no TEXT NOT NULL,
  amount INTEGER NOT NULL, reason TEXT NOT NULL, created_at INTEGER NOT NULL, day TEXT NOT NULL,
  PRIMARY KEY (merchant_id, refund_no)
) STRICT;
CREATE TABLE IF NOT EXISTS faces (image_sha256 TEXT PRIMARY KEY, account_id TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS proxy_payers (
  proxy_id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), phone TEXT NOT NULL,
  max_amount INTEGER NOT NULL, categories TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS proxy_requests (
  payment_id TEXT PRIMARY KEY, proxy_id TEXT NOT NULL, account_id TEXT NOT NULL,
  code TEXT NOT NULL, scene_photo TEXT, created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS qr_orders (
  token TEXT PRIMARY KEY, payment_id TEXT NOT NULL UNIQUE, expires_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS bindings (
  id TEXT PRIMARY KEY, merchant_id TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES accounts(id),
  phone TEXT NOT NULL, max_amount INTEGER NOT NULL, created_at INTEGER NOT NULL, removed_at INTEGER
) STRICT;
CREATE TABLE IF NOT EXISTS nonces (
  merchant_id TEXT NOT NULL, nonce TEXT NOT NULL, at INTEGER NOT NULL,
  PRIMARY KEY (merchant_id, nonce)
) STRICT;
`;

/** Columns added after the first release: a sandbox file from before gets them on open. */
const ADDED_COLUMNS = [
  { table: 'accounts', column: 'currency', sql: "currency TEXT NOT NULL DEFAULT 'CNY'" },
  // NULL on payments made before: their credential is unknown, so it is not compared.
  { table: 'payments', column: 'credential_sha256', sql: 'credential_sha256 TEXT' },
  // The order's lines as JSON, and what a user_paying payment waits for (password, payer, scan).
  { table: 'payments', column: 'goods', sql: 'goods TEXT' },
  { table: 'payments', column: 'waiting', sql: 'waiting TEXT' },
  // A member code: a code the wallet shows for one store it is bound to (NULL: a payment code).
  { table: 'codes', column: 'binding_id', sql: 'binding_id TEXT' },
  // What the store sells (a guardian allows a proxy payment only in chosen categories).
  { table: 'merchants', column: 'category', sql: "category TEXT NOT NULL DEFAULT 'grocery'" },
] as const;

/** The merchant and wallets every fresh sandbox has, so `countersign pay` works out of the box. */
export const SANDBOX_DEFAULTS = {
  ...SANDBOX_MERCHANT,
  accounts: [
    { id: 'wx-alice', name: 'Alice (WeChat Pay)', platform: 'wechat' },
    { id: 'ali-bob', name: 'Bob (Alipay)', platform: 'alipay' },
    { id: 'up-carol', name: 'Carol (UnionPay)', platform: 'unionpay' },
  ],
  balance: 100_000_000,
  perPaymentLimit: 5_000_000,
  password: '123456',
  /**
   * Proxy IDs a relative set up on their phone: who pays, the guardian's per-payment limit and
   * the merchant categories allowed (the seeded merchant sells `grocery`).
   */
  proxyPayers: [
    {
      proxyId: '88880001',
      accountId: 'wx-alice',
      phone: '138****0001',
      max: 20_000,
      categories: ['grocery', 'pharmacy'],
    },
    {
      proxyId: '88880002',
      accountId: 'ali-bob',
      phone: '139****0002',
      max: 20_000,
      categories: ['pharmacy'],
    },
  ],
} as const;

/** Opens the sandbox database (WAL), creating tables and seeding defaults on first use. */
export function openSandboxDb(
  file: string,
  opts: { merchants?: { id: string; key: string }[]; passwordAbove: number },
): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL survives a killed process (what the crash suite does); power loss is not
  // a concern for a test acquirer, and FULL would make every nonce an fsync.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  for (const c of ADDED_COLUMNS) {
    const has = (db.pragma(`table_info(${c.table})`) as { name: string }[]).some(
      (col) => col.name === c.column,
    );
    if (!has) db.exec(`ALTER TABLE ${c.table} ADD COLUMN ${c.sql}`);
  }
  const merchants = opts.merchants ?? [
    { id: SANDBOX_DEFAULTS.merchantId, key: SANDBOX_DEFAULTS.key },
  ];
  const addMerchant = db.prepare(
    'INSERT INTO merchants (id, key, name) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET key = excluded.key',
  );
  for (const m of merchants) addMerchant.run(m.id, m.key, m.id);
  const addAccount = db.prepare(
    `INSERT OR IGNORE INTO accounts (id, name, platform, balance, per_payment_limit, password,
       password_above, currency) VALUES (?, ?, ?, ?, ?, ?, ?, 'CNY')`,
  );
  for (const a of SANDBOX_DEFAULTS.accounts)
    addAccount.run(
      a.id,
      a.name,
      a.platform,
      SANDBOX_DEFAULTS.balance,
      SANDBOX_DEFAULTS.perPaymentLimit,
      SANDBOX_DEFAULTS.password,
      opts.passwordAbove,
    );
  const addPayer = db.prepare('INSERT OR IGNORE INTO proxy_payers VALUES (?, ?, ?, ?, ?)');
  for (const p of SANDBOX_DEFAULTS.proxyPayers)
    addPayer.run(p.proxyId, p.accountId, p.phone, p.max, JSON.stringify(p.categories));
  return db;
}
