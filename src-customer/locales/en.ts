/** English strings of the customer display. Every key must exist in zh-CN too (a test checks). */
export const en = {
  language: { switch: '中文', name: 'English' },
  connecting: 'Connecting to the till…',
  idle: { welcome: 'Welcome', hint: 'Your order will appear here.' },
  pairing: {
    title: 'Pair this display',
    prompt: "Enter the 6-digit code shown on the cashier's screen.",
    code: 'Pairing code',
    submit: 'Pair',
    clear: 'Clear',
    delete: 'Delete',
    wrong: 'That code did not work: {{message}}',
    incomplete: 'The code has 6 digits.',
  },
  order: {
    title: 'Please check your order',
    item: 'Item',
    qty: 'Qty',
    price: 'Price',
    amount: 'Amount',
    total: 'Total',
    confirm: 'Confirm',
    wrong: 'Something is wrong',
    waitCashier: 'The cashier is preparing your order.',
  },
  dispute: {
    title: 'Tap the lines that look wrong',
    note: 'Anything else? (optional)',
    notePlaceholder: 'e.g. I bought only one',
    send: 'Tell the cashier',
    back: 'Back',
    selected_one: '{{count}} line selected',
    selected_other: '{{count}} lines selected',
    flagged: 'Flagged',
    sent: 'Thank you. The cashier is checking your order.',
    sentHint: 'It will come back to you in a moment.',
  },
  method: {
    title: 'How would you like to pay?',
    code: 'Payment code',
    codeHint: 'Show the code in your wallet app',
    face: 'Face',
    faceHint: 'Look at the camera',
    proxy: 'Someone pays for me',
    proxyHint: 'A relative approves on their phone',
    qr: 'Scan to pay',
    qrHint: "Scan the store's QR code",
  },
  collecting: {
    code: 'Hold your payment code up to the scanner',
    face: 'Please look at the camera',
    proxy: 'Waiting for approval from the person paying',
    qr: 'Scan the QR code with your wallet app',
  },
  authorizing: {
    title: 'Processing payment…',
    userPaying: 'Please enter your password on your phone.',
  },
  result: {
    paid: 'Payment successful',
    paidHint: 'Thank you for shopping with us!',
    failed: 'Payment did not go through',
    failedHint: 'Please speak to the cashier.',
    cancelled: 'This checkout was cancelled',
    cancelledHint: 'Please speak to the cashier if you have questions.',
  },
  still: 'Still there? Tap anywhere to continue.',
  error: 'Something went wrong: {{message}}',
} as const;

/** The shape every language must provide. */
export type Messages = DeepString<typeof en>;
type DeepString<T> = { [K in keyof T]: T[K] extends string ? string : DeepString<T[K]> };
