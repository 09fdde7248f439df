from __future__ import annotations

from palm_customs.core.i18n import Catalogue

MESSAGES: Catalogue = {
    # WebAuthn
    "webauthn.challenge_invalid": (
        "验证已过期或已使用，请重新开始。",
        "驗證已逾時或已使用，請重新開始。",
        "This request has expired or was already used. Please start again.",
    ),
    "webauthn.verification_failed": (
        "无法验证您的通行密钥，请重试。",
        "無法驗證您的通行金鑰，請重試。",
        "We could not verify your passkey. Please try again.",
    ),
    "webauthn.cross_origin": (
        "请直接在掌上海关中使用通行密钥。",
        "請直接在掌上海關中使用通行金鑰。",
        "Use your passkey directly in Palm Customs, not from another site.",
    ),
    "webauthn.user_not_verified": (
        "请用指纹、面容或设备密码解锁通行密钥。",
        "請用指紋、臉孔或裝置密碼解鎖通行金鑰。",
        "Unlock your passkey with your fingerprint, face or device PIN.",
    ),
    "webauthn.credential_unknown": (
        "此通行密钥未登记，请使用其他方式登录。",
        "此通行金鑰未登記，請使用其他方式登入。",
        "This passkey is not registered. Sign in another way.",
    ),
    "webauthn.credential_not_yours": (
        "此通行密钥不属于该账户。",
        "此通行金鑰不屬於該帳戶。",
        "This passkey does not belong to this account.",
    ),
    "webauthn.sign_count_regression": (
        "此通行密钥可能已被复制，已暂停使用。请使用其他方式登录并联系我们。",
        "此通行金鑰可能已被複製，已暫停使用。請使用其他方式登入並聯絡我們。",
        "This passkey may have been copied, so it was refused. Sign in another way and contact us.",
    ),
    "webauthn.credential_already_registered": (
        "此通行密钥已经登记过。",
        "此通行金鑰已經登記過。",
        "This passkey is already registered.",
    ),
    # Sign-in
    "signin.invalid_credentials": (
        "登录名或密码不正确。",
        "登入名稱或密碼不正確。",
        "The sign-in name or password is not right.",
    ),
    "signin.totp_invalid": (
        "验证码不正确或已过期，请输入验证器应用中的最新验证码。",
        "驗證碼不正確或已逾時，請輸入驗證器應用程式中的最新驗證碼。",
        "The code is not right or has expired. Enter the latest code from your app.",
    ),
    "signin.recovery_code_invalid": (
        "恢复码不正确或已使用。",
        "復原碼不正確或已使用。",
        "The recovery code is not right or was already used.",
    ),
    "signin.enrolment_code_invalid": (
        "工号或登记码不正确或已过期，请向管理员索取新的登记码。",
        "工號或登記碼不正確或已逾時，請向管理員索取新的登記碼。",
        "The badge number or enrolment code is not right or has expired. "
        "Ask your administrator for a new code.",
    ),
    "signin.too_many_attempts": (
        "尝试次数过多，请在 {seconds} 秒后重试。",
        "嘗試次數過多，請在 {seconds} 秒後重試。",
        "Too many attempts. Try again in {seconds} seconds.",
    ),
    # Accounts, credentials, enterprises
    "account.document_already_registered": (
        "此证件已登记了账户，请直接登录。",
        "此證件已登記帳戶，請直接登入。",
        "An account already uses this document. Sign in instead.",
    ),
    "account.sign_in_name_taken": (
        "此邮箱或手机号已被其他账户使用。",
        "此電郵或手機號碼已被其他帳戶使用。",
        "Another account already uses this email or mobile number.",
    ),
    "account.last_sign_in_method": (
        "这是您唯一的登录方式，请先添加另一个通行密钥。",
        "這是您唯一的登入方式，請先新增另一個通行金鑰。",
        "This is your only way to sign in. Add another passkey first.",
    ),
    "account.not_found": ("未找到。", "找不到。", "Not found."),
    "account.document_mismatch": (
        "输入的证件号码与此人登记的证件不符，未核验。请再核对证件。",
        "輸入的證件號碼與此人登記的證件不符，未核驗。請再核對證件。",
        "The number typed is not that of the document this person registered: not verified. "
        "Check the document again.",
    ),
    "account.verification_unavailable": (
        "在线实名核验暂不可用。请带证件到任一办事窗口由工作人员核验。",
        "線上實名核驗暫不可用。請帶證件到任一辦事窗口由工作人員核驗。",
        "Online real-name verification is not available now. Show your document to an "
        "officer at any service window instead.",
    ),
    "account.verification_no_match": (
        "实名核验服务未能确认您的姓名、出生日期与证件一致。请核对个人资料，或到办事窗口核验。",
        "實名核驗服務未能確認您的姓名、出生日期與證件一致。請核對個人資料，或到辦事窗口核驗。",
        "The real-name verification service could not match your name and date of birth to "
        "your document. Check your profile, or show the document at a service window.",
    ),
    "account.already_verified": (
        "此证件已核验。",
        "此證件已核驗。",
        "This document is already verified.",
    ),
    "account.not_allowed": (
        "您不能执行此操作。",
        "您不能執行此操作。",
        "You cannot do this.",
    ),
    "account.last_administrator": (
        "企业至少需要一名管理员。",
        "企業至少需要一名管理員。",
        "The enterprise needs at least one administrator.",
    ),
    "account.already_member": (
        "此人已是企业成员或已被邀请。",
        "此人已是企業成員或已獲邀請。",
        "This person is already a member or invited.",
    ),
    "account.enterprise_already_registered": (
        "此统一社会信用代码已登记。",
        "此統一社會信用代碼已登記。",
        "An enterprise with this unified social credit code is already registered.",
    ),
    "account.badge_taken": (
        "此工号已被使用。",
        "此工號已被使用。",
        "This badge number is already in use.",
    ),
    "account.totp_not_pending": (
        "没有待确认的验证器。",
        "沒有待確認的驗證器。",
        "There is no authenticator app waiting to be confirmed.",
    ),
    "account.no_passkey": (
        "请先添加通行密钥，才能进行此项验证。",
        "請先新增通行金鑰，才能進行此項驗證。",
        "Add a passkey first to confirm it is you.",
    ),
    # Field labels
    "field.full_name": ("姓名", "姓名", "your full name"),
    "field.date_of_birth": ("出生日期", "出生日期", "your date of birth"),
    "field.nationality": ("国籍", "國籍", "your nationality"),
    "field.email": ("电子邮箱", "電子郵件", "your email address"),
    "field.mobile": ("手机号码", "手機號碼", "your mobile number"),
    "field.document_number": ("证件号码", "證件號碼", "the document number"),
    "field.document_expiry": ("证件有效期", "證件有效期", "the document's expiry date"),
    "field.document_country": ("签发国家", "簽發國家", "the issuing country"),
    "field.mrz": ("护照机读码", "護照機讀碼", "the passport's machine-readable lines"),
    "field.password": ("密码", "密碼", "a password"),
    "field.name": ("名称", "名稱", "a name"),
    "field.uscc": ("统一社会信用代码", "統一社會信用代碼", "the unified social credit code"),
    "field.badge_number": ("工号", "工號", "the badge number"),
    "field.unit": ("所属单位", "所屬單位", "the unit"),
    "field.roles": ("岗位", "職位", "the roles"),
    "field.code": ("验证码", "驗證碼", "the code"),
    "field.contact": ("联系方式", "聯絡方式", "an email address or mobile number"),
    # Security notices to the owner (inbox and push) when a way to sign in changes
    "notify.security.authenticator_app_set.title": (
        "验证器应用已更换",
        "驗證器應用程式已更換",
        "Your authenticator app was set up",
    ),
    "notify.security.authenticator_app_set.body": (
        "您的账户已绑定新的验证器应用，并生成了新的恢复码，旧的恢复码已失效。如非本人操作，请立即联系我们。",
        "您的帳戶已綁定新的驗證器應用程式，並產生了新的復原碼，舊的復原碼已失效。如非本人操作，請立即聯絡我們。",
        "A new authenticator app was linked to your account and new recovery codes were made; "
        "the old codes no longer work. If this was not you, contact us at once.",
    ),
    "notify.security.recovery_code_used.title": (
        "有人使用了恢复码登录",
        "有人使用了復原碼登入",
        "A recovery code was used to sign in",
    ),
    "notify.security.recovery_code_used.body": (
        "您的账户刚刚使用恢复码登录，还剩 {remaining} 个恢复码。如非本人操作，请立即联系我们。",
        "您的帳戶剛剛使用復原碼登入，尚餘 {remaining} 個復原碼。如非本人操作，請立即聯絡我們。",
        "Someone signed in to your account with a recovery code (recovery codes left: "
        "{remaining}). If this was not you, contact us at once.",
    ),
    "notify.security.passkey_added.title": (
        "已添加通行密钥",
        "已新增通行金鑰",
        "A passkey was added",
    ),
    "notify.security.passkey_added.body": (
        "通行密钥“{name}”已添加到您的账户。如非本人操作，请立即联系我们。",
        "通行金鑰「{name}」已新增至您的帳戶。如非本人操作，請立即聯絡我們。",
        "The passkey “{name}” was added to your account. If this was not you, contact us at once.",
    ),
    "notify.security.passkey_removed.title": (
        "已删除通行密钥",
        "已刪除通行金鑰",
        "A passkey was removed",
    ),
    "notify.security.passkey_removed.body": (
        "通行密钥“{name}”已从您的账户删除。如非本人操作，请立即联系我们。",
        "通行金鑰「{name}」已從您的帳戶刪除。如非本人操作，請立即聯絡我們。",
        "The passkey “{name}” was removed from your account. "
        "If this was not you, contact us at once.",
    ),
}
