import type { errorsEn } from './errors-en';

/** 收银站返回的拒绝原因、订单警告、支付与总部状态的中文。 */
export const errorsZhCn: typeof errorsEn = {
  error: {
    reason: {
      not_a_date: '“{{date}}”不是日期。',
      ledger_tampered:
        '账本文件校验失败：有人在 Countersign 之外改动过它。请联系技术支持；检查之前不显示任何数字。',
      reconcile_failed: '无法获取支付系统的对账单，请一分钟后再试。',
      region_missing: '请先框选订单区域：点击“设置订单区域”。',
      order_with_customer: '顾客正在查看一笔订单：请先取消（Esc）再读取新订单。',
      pin_limit: '密码错误次数过多：请等一分钟再试。',
      wrong_pin: '收银员或密码错误。',
      no_such_display: '该显示屏已不再配对。',
      no_payment_waiting: '现在没有等待付款码的支付。',
      wrong_method: '顾客选择了其他支付方式，这个凭证不能用于本次支付。',
      payments_unavailable: '暂时无法收款，收银站正在自动重试，请稍后再试。',
      unknown_order: '账本中没有这笔订单。',
      order_conflict: '已有另一笔订单使用了相同的单号。',
      already_paid: '这笔订单已经支付。',
      attempt_open: '这笔订单还有一笔支付正在进行。',
      unknown_attempt: '账本中没有这笔支付。',
      not_paid: '只有已支付的款项可以退款。',
      refund_exceeds_paid: '超过了这笔支付剩余可退的金额。',
      invalid: '账本认为该请求无效，已拒绝。',
      refund_pending: '支付系统尚未答复这笔退款；下次启动时会再次发送。',
      refund_refused: '支付系统拒绝了这笔退款。',
    },
    code: {
      invalid_input: '收银站无法接受这个请求。',
      unknown_command: '本窗口与收银站版本不一致：请重新加载窗口。',
      forbidden: '本窗口无权执行此操作。',
      illegal_transition: '结账进行到这一步时不能这样做。',
      stale_revision: '订单已被改动：请重新查看。',
      needs_review: '订单有警告，请先修改或接受。',
      not_paired: '该显示屏尚未配对。',
      message_too_large: '请求过大。',
      malformed_message: '收银站无法读取该请求。',
      unavailable: '收银站现在无法执行此操作，请稍后再试。',
      internal: '收银站出错，详情见收银站日志。',
    },
    details: '详情',
  },
  warning: {
    line_arithmetic:
      '第 {{line}} 行（{{name}}）：{{quantity}} × {{price}} = {{expected}}，但金额读作 {{amount}}',
    total_mismatch: '各行与调整合计 {{sum}}，但总计读作 {{total}}',
    total_not_positive: '总计必须大于零（读作 {{total}}）',
    low_confidence: '识别可信度低：请对照收银机屏幕核对',
    unreadable: '无法识别：请按收银机屏幕输入',
    other: '请对照收银机屏幕核对',
  },
  paymentsDown: {
    title: '暂时无法收款，正在重试',
    connecting: '支付系统尚未响应。',
    unreachable: '支付系统没有响应。',
    ledger_unwritable: '无法写入账本（磁盘满了？）；不会开始任何支付。',
  },
  hqState: {
    starting: '启动中',
    synced: '已同步',
    retrying: '总部无响应，正在重试',
    refused: '总部拒绝了本收银站',
    rejected: '总部拒收了一条记录',
    stopped: '已停止',
  },
};
