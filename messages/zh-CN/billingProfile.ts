export const billingProfile = {
  nav: '开票信息', title: '开票信息', buyer: '购买方信息',
  description: '打印在发票上的购买方信息。保存后开具的发票使用新信息；已开具的发票保留开具时的信息。',
  companyName: '公司名称', taxId: '纳税人识别号', taxIdHint: '统一社会信用代码或增值税号，可留空。', address: '地址', invoiceEmail: '发票接收邮箱',
  invoiceEmailHint: '发票发送到此邮箱，可留空。', invoiceLanguage: '发票语言', languages: { 'zh-CN': '简体中文', en: 'English' },
  save: '保存', saved: '已保存开票信息。', notSaved: '尚未保存：以下为根据租户生成的默认值。', lastSaved: '上次保存',
  readOnly: '只有账单管理员、管理员或所有者可以修改开票信息。',
  invalid: '请修正标出的字段。',
  errors: {
    companyNameRequired: '请填写公司名称。', companyNameTooLong: '公司名称不能超过 200 个字符。',
    taxIdInvalid: '纳税人识别号只能包含字母、数字、空格和 . / -，最多 64 个字符。',
    addressTooLong: '地址不能超过 500 个字符。', invoiceEmailInvalid: '请输入有效的邮箱地址。',
  },
};
