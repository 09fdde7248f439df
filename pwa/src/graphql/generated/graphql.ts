/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A person or an officer. */
export type AccountKind =
  | 'OFFICER'
  | 'PERSON';

/** Why an application or review action was refused. */
export type ApplicationErrorCode =
  | 'ALREADY_CLAIMED'
  | 'DOCUMENT_NOT_USABLE'
  | 'DRAFT_CONFLICT'
  | 'DRAFT_TOO_LARGE'
  | 'ITEM_NOT_FOUND'
  | 'NOTHING_CHANGED'
  | 'NOT_A_MEMBER'
  | 'NOT_CLAIMED_BY_YOU'
  | 'NOT_FOUND'
  | 'NOT_ONLINE'
  | 'NOT_YOUR_DEPARTMENT'
  | 'OWN_APPLICATION'
  | 'SAME_REVIEWER'
  | 'WRONG_STATE';

/** Where an application stands. */
export type ApplicationStatus =
  | 'CORRECTIONS_REQUIRED'
  | 'IN_REVIEW'
  | 'PASSED'
  | 'REJECTED'
  | 'WITHDRAWN';

/** Why an appointment action was refused. */
export type AppointmentErrorCode =
  | 'ALREADY_CHECKED_IN'
  | 'ALREADY_WAITING'
  | 'APPLICATION_ALREADY_BOOKED'
  | 'COOLDOWN'
  | 'CREDENTIAL_EXPIRED'
  | 'CREDENTIAL_MALFORMED'
  | 'CREDENTIAL_TAMPERED'
  | 'CREDENTIAL_UNKNOWN_KEY'
  | 'CUT_OFF_PASSED'
  | 'DAY_LIMIT'
  | 'DRAW_ALREADY_ENTERED'
  | 'DRAW_CLOSED'
  | 'DRAW_NOT_FOUND'
  | 'DRAW_ONLY'
  | 'IDEMPOTENCY_CONFLICT'
  | 'IDENTITY_NOT_VERIFIED'
  | 'ITEM_LIMIT'
  | 'NOT_ACTIVE'
  | 'NOT_CHECKED_IN'
  | 'NOT_FOUND'
  | 'NOT_TODAY'
  | 'NOT_VERIFIED'
  | 'OFFER_EXPIRED'
  | 'ONE_SEAT_PER_TIME'
  | 'OTHER_SITE'
  | 'PREREVIEW_NOT_PASSED'
  | 'PREREVIEW_REQUIRED'
  | 'QUEUE_EMPTY'
  | 'REBOOK_LIMIT'
  | 'RESCHEDULE_LIMIT'
  | 'SAME_SLOT'
  | 'SITE_NOT_FOUND'
  | 'SLOT_CLOSED'
  | 'SLOT_FULL'
  | 'SLOT_IN_THE_PAST'
  | 'SLOT_NOT_FOUND'
  | 'TOO_EARLY'
  | 'TOO_MANY_BOOKINGS'
  | 'WINDOW_NOT_FOUND'
  | 'WRONG_ITEM';

export type ArticleInput = {
  categoryCode: string;
  currency: string;
  description: string;
  dutyFreeShop?: boolean;
  indivisible?: boolean;
  /** The client's id for the line (stable across edits). */
  key: string;
  /** Optional: a document of yours in the vault (uploaded to /api/documents as PRODUCT_PHOTOS or INVOICE), a picture or PDF of the receipt or the article. */
  photoDocumentId?: string | number | null | undefined;
  quantity: number;
  takenOutAgain?: boolean;
  /** 0 = the declarant, n = companion n (1-based). */
  traveller: number;
  /** Alcohol/tobacco only: ml, sticks, cigars or grams in one unit. */
  unitMeasure?: number | null | undefined;
  /** Decimal, e.g. "1299.00". */
  unitValue: string;
};

/** Why it was refused. */
export type AuditAlertErrorCode =
  | 'ALREADY_ACKNOWLEDGED'
  | 'NOT_FOUND';

/** How a rule looks at the log. */
export type AuditAlertKind =
  | 'OUTSIDE_HOURS'
  | 'WINDOW_COUNT';

/** What to change in a rule; fields left out stay as they are. */
export type AuditAlertRuleUpdateInput = {
  code: string;
  enabled?: boolean | null | undefined;
  hoursEnd?: string | null | undefined;
  hoursStart?: string | null | undefined;
  threshold?: number | null | undefined;
  windowMinutes?: number | null | undefined;
};

/** What an amount was computed from. */
export type Basis =
  | 'ASSESSMENT'
  | 'ESTIMATE'
  | 'FEE';

/** What happened at the window. */
export type BookingOutcome =
  | 'NO_SHOW'
  | 'SERVED';

/** Where a booking stands. */
export type BookingStatus =
  | 'CALLED'
  | 'CANCELLED'
  | 'CHECKED_IN'
  | 'CLOSED'
  | 'CONFIRMED'
  | 'LAPSED'
  | 'NO_SHOW'
  | 'OFFERED'
  | 'RELEASED'
  | 'RESCHEDULED'
  | 'SERVED';

export type CashInput = {
  amount: string;
  currency: string;
  traveller: number;
};

export type CompanionInput = {
  /** Why the declarant may declare for this person (e.g. a parent for a child). */
  consentStatement: string;
  dateOfBirth: unknown;
  documentNumber: string;
  documentType: DocumentType;
  fullName: string;
  isResident: boolean;
};

export type CorrectionItemInput = {
  action: string;
  problem: string;
  /** "field:<ELEMENT>" or "material:<CODE>" */
  target: string;
};

/** Which kind of your records. */
export type DataRecordKind =
  | 'APPLICATION'
  | 'DECLARATION'
  | 'DOCUMENT';

/** Why a declaration action was refused. */
export type DeclarationErrorCode =
  | 'ALREADY_USED'
  | 'CREDENTIAL_EXPIRED'
  | 'CREDENTIAL_MALFORMED'
  | 'CREDENTIAL_TAMPERED'
  | 'CREDENTIAL_UNKNOWN_KEY'
  | 'DRAFT_CONFLICT'
  | 'DRAFT_TOO_LARGE'
  | 'NOT_FOUND'
  | 'NO_PROFILE'
  | 'OUTCOME_CONFLICT'
  | 'OUTSIDE_WINDOW'
  | 'PHOTO_NOT_FOUND'
  | 'PHOTO_WRONG_TYPE'
  | 'SUPERSEDED'
  | 'TOO_MANY_ALLOWANCE_CHOICES'
  | 'TOO_MANY_ESTIMATES';

export type DeclarationInput = {
  articles?: Array<ArticleInput>;
  cash?: Array<CashInput>;
  companions?: Array<CompanionInput>;
  direction: Direction;
  /** Arriving from Hong Kong or Macau: the travellers crossed there and back the same day or often (the lowest alcohol and tobacco limits apply). */
  frequentCrosser?: boolean;
  portCode: string;
  restrictedYes?: Array<string>;
  scheduledAt: string;
  travelMode: TravelMode;
  travelNumber: string;
};

/** Where a declaration version stands. */
export type DeclarationStatus =
  | 'CLEARED'
  | 'SUBMITTED'
  | 'SUPERSEDED';

/** Arriving in or departing from the customs territory. */
export type Direction =
  | 'ARRIVING'
  | 'DEPARTING';

/** The identity document a person registers with. */
export type DocumentType =
  | 'PASSPORT'
  | 'RESIDENT_ID'
  | 'TRAVEL_PERMIT';

export type DrawCreateInput = {
  /** Entries close; the draw runs then. */
  closesAt: string;
  itemCode: string;
  siteId: string | number;
  slotsFrom: string;
  slotsTo: string;
};

export type DrawEntryState =
  | 'ENTERED'
  | 'LOST'
  | 'WON';

/** What a member may do for an enterprise. */
export type EnterpriseRole =
  | 'ADMINISTRATOR'
  | 'DECLARANT';

export type EstimateTravellerInput = {
  dateOfBirth: unknown;
  isResident: boolean;
};

export type FairnessRuleInput = {
  changeWindowHours: number;
  /** A catalogue code, or "*" for every other item. */
  itemCode: string;
  maxCancellations: number;
  maxPerDay: number;
  maxPerItem: number;
  maxReschedules: number;
  /** The scarcest items: only people whose identity document had a real check (an officer at a window, or the real-name service) may book it or enter its draws. */
  verifiedOnly?: boolean;
};

/** Where an item's limits come from: its own rule, the rule for every other item, or the built-in limits (no rule set). */
export type FairnessRuleSource =
  | 'BUILT_IN'
  | 'EVERY_ITEM'
  | 'ITEM';

/** When an applicant is asked to pay an item's fee. */
export type FeeDue =
  | 'AFTER_PREREVIEW'
  | 'ON_SUBMISSION';

/** Where paying an application's fee stands. */
export type FeeState =
  | 'DUE'
  | 'NOT_OWED'
  | 'NOT_YET_DUE'
  | 'NO_FEE'
  | 'PAID'
  | 'PENDING'
  | 'REFUNDED'
  | 'REFUND_PENDING';

export type FeedbackConsentInput = {
  agree: boolean;
  reference: string;
  trackingCode?: string | null | undefined;
};

/** Why a feedback action was refused. */
export type FeedbackErrorCode =
  | 'ALREADY_PUBLISHED'
  | 'NOT_ANSWERED'
  | 'NOT_FOUND'
  | 'NO_CONSENT'
  | 'PERSONAL_DATA_LEFT';

/** Feedback, a complaint, a suggestion or a report (may be anonymous). */
export type FeedbackKind =
  | 'COMPLAINT'
  | 'FEEDBACK'
  | 'REPORT'
  | 'SUGGESTION';

export type FeedbackPublishInput = {
  publicMessage: string;
  publicReply: string;
  reference: string;
};

export type FeedbackReplyInput = {
  reference: string;
  reply: string;
};

/** Where a feedback item is. */
export type FeedbackStatus =
  | 'ANSWERED'
  | 'ESCALATED'
  | 'PUBLISHED'
  | 'RECEIVED';

export type FeedbackSubmitInput = {
  /** Send without the account (always so when signed out); a tracking code is given instead. */
  anonymous?: boolean;
  kind?: FeedbackKind;
  language?: Language;
  message: string;
  page?: string;
};

/** A file's real format, sniffed from its bytes. */
export type FileFormat =
  | 'HEIC'
  | 'JPEG'
  | 'PDF'
  | 'PNG';

export type FormValueInput = {
  element: string;
  value: string;
};

/** A point on the map (WGS 84). */
export type GeoPointInput = {
  latitude: number;
  longitude: number;
};

/** Fully online, online pre-review then on site, or on site only. */
export type HandlingMode =
  | 'FULLY_ONLINE'
  | 'ONSITE_ONLY'
  | 'PREREVIEW_THEN_ONSITE';

/** Why an identity action was refused. One enum for every identity error type, so a client can select `code` on all of them in one query. */
export type IdentityErrorCode =
  | 'ALREADY_MEMBER'
  | 'ALREADY_VERIFIED'
  | 'BADGE_TAKEN'
  | 'CHALLENGE_INVALID'
  | 'CREDENTIAL_ALREADY_REGISTERED'
  | 'CREDENTIAL_NOT_YOURS'
  | 'CREDENTIAL_UNKNOWN'
  | 'CROSS_ORIGIN'
  | 'DOCUMENT_ALREADY_REGISTERED'
  | 'DOCUMENT_MISMATCH'
  | 'ENROLMENT_CODE_INVALID'
  | 'ENTERPRISE_ALREADY_REGISTERED'
  | 'INVALID_CREDENTIALS'
  | 'LAST_ADMINISTRATOR'
  | 'LAST_SIGN_IN_METHOD'
  | 'NOT_ALLOWED'
  | 'NOT_FOUND'
  | 'NO_PASSKEY'
  | 'RECOVERY_CODE_INVALID'
  | 'SIGN_COUNT_REGRESSION'
  | 'SIGN_IN_NAME_TAKEN'
  | 'TOTP_INVALID'
  | 'TOTP_NOT_PENDING'
  | 'USER_NOT_VERIFIED'
  | 'VERIFICATION_FAILED'
  | 'VERIFICATION_NO_MATCH'
  | 'VERIFICATION_UNAVAILABLE';

/** CHECKED: the document number is well formed (check digits). VERIFIED: a real check (an officer saw the document, or the real-name service matched it). */
export type IdentityLevel =
  | 'CHECKED'
  | 'VERIFIED';

/** Where one payment (an order at the provider) stands. */
export type IntentState =
  | 'CREATED'
  | 'EXPIRED'
  | 'FAILED'
  | 'PENDING'
  | 'REFUNDED'
  | 'SUCCEEDED';

/** An item's fee in integer fen (CNY) and when it falls due. */
export type ItemFeeInput = {
  amountFen: number;
  due: FeeDue;
};

export type ItemMaterialInput = {
  material: string;
  required: boolean;
};

export type KnowledgeArticleSaveInput = {
  category: KnowledgeCategory;
  dutyCategories?: Array<string>;
  effectiveFrom?: unknown;
  en?: KnowledgeArticleTextInput | null | undefined;
  notices?: Array<string>;
  serviceItems?: Array<string>;
  slug: string;
  zhHans?: KnowledgeArticleTextInput | null | undefined;
  zhHant?: KnowledgeArticleTextInput | null | undefined;
};

export type KnowledgeArticleTextInput = {
  body: string;
  title: string;
};

/** Sections of the knowledge base. */
export type KnowledgeCategory =
  | 'ANIMALS_PLANTS'
  | 'APPOINTMENTS'
  | 'ENTERPRISE'
  | 'GENERAL'
  | 'POSTAL'
  | 'TAX'
  | 'TRAVEL';

/** A language the product speaks. */
export type Language =
  | 'EN'
  | 'ZH_HANS'
  | 'ZH_HANT';

export type LocalizedInput = {
  en: string;
  zhHans: string;
  zhHant: string;
};

export type LocalizedTextInput = {
  en: string;
  zhHans: string;
  zhHant: string;
};

export type MaterialRefInput = {
  documentId: string | number;
  material: string;
};

/** A material type as an administrator saves it (every field). */
export type MaterialTypeInput = {
  /** jpeg, png, heic, pdf */
  acceptedFormats: Array<string>;
  maxBytes: number;
  name: LocalizedInput;
  /** The original must be shown on site too. */
  originalOnSite: boolean;
  /** The document has an expiry date and is refused once expired. */
  requiresValidity: boolean;
  /** One upload serves later applications. */
  reusable: boolean;
};

/** Where a membership stands. */
export type MembershipStatus =
  | 'ACTIVE'
  | 'INVITED'
  | 'REMOVED';

/** What a notification is about. */
export type NotificationType =
  | 'ACCOUNT_SECURITY'
  | 'APPOINTMENT_OFFER'
  | 'APPOINTMENT_REMINDER'
  | 'DECLARATION_OUTCOME'
  | 'DECLARATION_RECEIVED'
  | 'FEEDBACK_REPLY'
  | 'PAYMENT'
  | 'POLICY_NOTICE'
  | 'PREREVIEW_RESULT'
  | 'WORK_QUEUE';

export type OutcomeInput = {
  dutyAssessed?: string | null | undefined;
  kind: OutcomeKind;
  number: string;
  observedAt: string;
  reason?: string;
  receiptNumber?: string;
  version: number;
};

/** What the officer decided at the channel. */
export type OutcomeKind =
  | 'ARTICLES_RETAINED'
  | 'DUTY_ASSESSED'
  | 'INSPECTED_NO_DISCREPANCY'
  | 'RELEASED';

/** Why a payment action was refused. */
export type PaymentErrorCode =
  | 'ALREADY_SETTLED'
  | 'ASSESSMENT_CHANGED'
  | 'IN_PROGRESS'
  | 'KEY_REUSED'
  | 'NOTHING_DUE'
  | 'NOT_DUE_YET'
  | 'NOT_FOUND'
  | 'RECEIPT_INVALID'
  | 'RECEIPT_REFUNDED'
  | 'UNAVAILABLE';

/** Who the person is. Nothing here is asked twice later. */
export type PersonInput = {
  dateOfBirth?: unknown;
  documentCountry?: string | null | undefined;
  documentExpiry?: unknown;
  documentNumber: string;
  documentType: DocumentType;
  email?: string | null | undefined;
  fullName: string;
  isResident: boolean;
  mobile?: string | null | undefined;
  mrzLine1?: string | null | undefined;
  mrzLine2?: string | null | undefined;
  nationality: string;
};

export type PolicyNoticeInput = {
  body: LocalizedTextInput;
  category: string;
  link?: string;
  title: LocalizedTextInput;
};

/** How travellers cross at a port. */
export type PortKind =
  | 'AIRPORT'
  | 'LAND'
  | 'RAIL'
  | 'SEAPORT';

/** What can be rated. */
export type RatedKind =
  | 'APPOINTMENT'
  | 'DECLARATION';

export type RatingSaveInput = {
  comment?: string;
  kind: RatedKind;
  stars: number;
  subjectId: string;
  windowStars?: number | null | undefined;
};

/** Why money goes back. */
export type RefundReason =
  | 'APPLICATION_CLOSED'
  | 'ASSESSED_LOWER'
  | 'DUPLICATE';

/** Where a refund stands. */
export type RefundState =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

/** Where one department's review stands. */
export type ReviewStatus =
  | 'CANCELLED'
  | 'CLAIMED'
  | 'CORRECTIONS'
  | 'PASSED'
  | 'PENDING'
  | 'REJECTED';

/** What a search result is. */
export type SearchKind =
  | 'ARTICLE'
  | 'DUTY_CATEGORY'
  | 'POLICY_NOTICE'
  | 'SERVICE_ITEM';

/** The catalogue's categories. */
export type ServiceCategory =
  | 'ENTERPRISE_MANAGEMENT'
  | 'GOODS_CLEARANCE'
  | 'KNOWLEDGE'
  | 'PASSENGER_ARTICLES'
  | 'PROCESSING_TRADE'
  | 'TAX';

/** What an administrator changes; omitted fields stay as they are. */
export type ServiceItemUpdateInput = {
  conditions?: LocalizedInput | null | undefined;
  description?: LocalizedInput | null | undefined;
  /** The fee paid online; an amount of 0 makes the item free. */
  fee?: ItemFeeInput | null | undefined;
  fees?: LocalizedInput | null | undefined;
  materials?: Array<ItemMaterialInput> | null | undefined;
  name?: LocalizedInput | null | undefined;
  reviewLevels?: number | null | undefined;
  timeLimitDays?: number | null | undefined;
};

/** Where paying a declaration's duty stands. */
export type SettlementState =
  | 'DUE'
  | 'HELD_ON_ACCOUNT'
  | 'NOTHING_DUE'
  | 'PAID'
  | 'PENDING'
  | 'REFUND_PENDING';

/** How a session was begun. */
export type SignInMethod =
  | 'PASSKEY'
  | 'PASSWORD'
  | 'PASSWORD_TOTP'
  | 'RECOVERY';

/** How the traveller crosses. */
export type TravelMode =
  | 'FLIGHT'
  | 'TRAIN'
  | 'VEHICLE'
  | 'VESSEL';

/** Web Push urgency (RFC 8030). */
export type Urgency =
  | 'HIGH'
  | 'LOW'
  | 'NORMAL'
  | 'VERY_LOW';

/** Why a value was refused. */
export type ValidationErrorCode =
  | 'CHECK_DIGIT'
  | 'COMMON_PASSWORD'
  | 'INVALID_CHOICE'
  | 'INVALID_FORMAT'
  | 'IN_THE_FUTURE'
  | 'IN_THE_PAST'
  | 'OUT_OF_RANGE'
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'TOO_SHORT';

/** Who or what checked an identity document. */
export type VerificationMethod =
  | 'OFFICER'
  | 'PROVIDER';

export type WaitlistJoinInput = {
  applicationId?: string | null | undefined;
  /** The booking an accepted offer replaces. */
  bookingId?: string | number | null | undefined;
  /** Only times before this; defaults to the booking's time. */
  earlierThan?: string | null | undefined;
  itemCode: string;
  maxDistanceKm?: number | null | undefined;
  near?: GeoPointInput | null | undefined;
  siteId?: string | number | null | undefined;
};

/** Where a waiting-list entry stands. */
export type WaitlistStatus =
  | 'CANCELLED'
  | 'FULFILLED'
  | 'LAPSED'
  | 'OFFERED'
  | 'WAITING';

export type AboutServerInfoQueryVariables = Exact<{ [key: string]: never; }>;


export type AboutServerInfoQuery = { serverInfo: { version: string } };

export type AuditAlertsQueryVariables = Exact<{
  openOnly: boolean;
}>;


export type AuditAlertsQuery = { auditAlerts: Array<{ id: string, ruleCode: string, title: string, who: string, unit: string, eventCount: number, firstAt: string, lastAt: string, raisedAt: string, acknowledgedAt: string | null, note: string }>, auditAlertRules: Array<{ code: string, title: string, kind: AuditAlertKind, enabled: boolean, threshold: number, windowMinutes: number, hoursStart: string, hoursEnd: string }> };

export type AuditAlertAcknowledgeMutationVariables = Exact<{
  id: string | number;
  note: string;
}>;


export type AuditAlertAcknowledgeMutation = { auditAlertAcknowledge:
    | { __typename: 'AuditAlertAcknowledged', alert: { id: string, acknowledgedAt: string | null, note: string } }
    | { __typename: 'AuditAlertError', code: AuditAlertErrorCode, message: string }
    | { __typename: 'ValidationError', errors: Array<{ field: string, message: string }> }
   };

export type AuditAlertRuleUpdateMutationVariables = Exact<{
  input: AuditAlertRuleUpdateInput;
}>;


export type AuditAlertRuleUpdateMutation = { auditAlertRuleUpdate:
    | { __typename: 'AuditAlertError', code: AuditAlertErrorCode, message: string }
    | { __typename: 'AuditAlertRuleSaved', rule: { code: string, enabled: boolean, threshold: number, windowMinutes: number, hoursStart: string, hoursEnd: string } }
    | { __typename: 'ValidationError', errors: Array<{ field: string, message: string }> }
   };

export type AppointmentsTextFragment = { zhHans: string, zhHant: string, en: string };

export type AppointmentsSiteFragment = { id: string, code: string, latitude: number, longitude: number, timezone: string, phone: string, name: { zhHans: string, zhHant: string, en: string }, address: { zhHans: string, zhHant: string, en: string }, accessibility: { zhHans: string, zhHant: string, en: string } };

export type AppointmentsSlotFragment = { id: string, siteId: string, itemCode: string, startsAt: string, endsAt: string, seatsLeft: number };

export type AppointmentsBookingFragment = { id: string, number: string, status: BookingStatus, itemCode: string, startsAt: string, endsAt: string, applicationId: string | null, applicationNumber: string | null, credential: string, calendarIcs: string, offerExpiresAt: string | null, offerAfterClosure: boolean, queueNumber: number | null, windowNumber: number | null, lateMinutes: number | null, checkedInAt: string | null, site: { id: string, code: string, latitude: number, longitude: number, timezone: string, phone: string, name: { zhHans: string, zhHant: string, en: string }, address: { zhHans: string, zhHant: string, en: string }, accessibility: { zhHans: string, zhHant: string, en: string } }, directions: { latitude: number, longitude: number, mapUri: string, address: { zhHans: string, zhHant: string, en: string } } };

export type AppointmentsErrorFragment = { message: string, field: string | null, retryAt: string | null, appointmentCode: AppointmentErrorCode };

export type AppointmentsValidationFragment = { message: string, errors: Array<{ field: string, message: string }> };

type AppointmentsCreateResult_AppointmentError_Fragment = { __typename: 'AppointmentError', message: string, field: string | null, retryAt: string | null, appointmentCode: AppointmentErrorCode };

type AppointmentsCreateResult_BookingSuccess_Fragment = { __typename: 'BookingSuccess', replayed: boolean, booking: { id: string, number: string, status: BookingStatus, itemCode: string, startsAt: string, endsAt: string, applicationId: string | null, applicationNumber: string | null, credential: string, calendarIcs: string, offerExpiresAt: string | null, offerAfterClosure: boolean, queueNumber: number | null, windowNumber: number | null, lateMinutes: number | null, checkedInAt: string | null, site: { id: string, code: string, latitude: number, longitude: number, timezone: string, phone: string, name: { zhHans: string, zhHant: string, en: string }, address: { zhHans: string, zhHant: string, en: string }, accessibility: { zhHans: string, zhHant: string, en: string } }, directions: { latitude: number, longitude: number, mapUri: string, address: { zhHans: string, zhHant: string, en: string } } } };

type AppointmentsCreateResult_SlotFullError_Fragment = { __typename: 'SlotFullError', message: string, alternatives: Array<{ id: string, siteId: string, itemCode: string, startsAt: string, endsAt: string, seatsLeft: number }> };

type AppointmentsCreateResult_ValidationError_Fragment = { __typename: 'ValidationError', message: string, errors: Array<{ field: string, message: string }> };

export type AppointmentsCreateResultFragment =
  | AppointmentsCreateResult_AppointmentError_Fragment
  | AppointmentsCreateResult_BookingSuccess_Fragment
  | AppointmentsCreateResult_SlotFullError_Fragment
  | AppointmentsCreateResult_ValidationError_Fragment
;

type AppointmentsChangeResult_AppointmentError_Fragment = { __typename: 'AppointmentError', message: string, field: string | null, retryAt: string | null, appointmentCode: AppointmentErrorCode };

type AppointmentsChangeResult_BookingChanged_Fragment = { __typename: 'BookingChanged', booking: { id: string, number: string, status: BookingStatus, itemCode: string, startsAt: string, endsAt: string, applicationId: string | null, applicationNumber: string | null, credential: string, calendarIcs: string, offerExpiresAt: string | null, offerAfterClosure: boolean, queueNumber: number | null, windowNumber: number | null, lateMinutes: number | null, checkedInAt: string | null, site: { id: string, code: string, latitude: number, longitude: number, timezone: string, phone: string, name: { zhHans: string, zhHant: string, en: string }, address: { zhHans: string, zhHant: string, en: string }, accessibility: { zhHans: string, zhHant: string, en: string } }, directions: { latitude: number, longitude: number, mapUri: string, address: { zhHans: string, zhHant: string, en: string } } } };

type AppointmentsChangeResult_ValidationError_Fragment = { __typename: 'ValidationError', message: string, errors: Array<{ field: string, message: string }> };

export type AppointmentsChangeResultFragment =
  | AppointmentsChangeResult_AppointmentError_Fragment
  | AppointmentsChangeResult_BookingChanged_Fragment
  | AppointmentsChangeResult_ValidationError_Fragment
;

export type AppointmentsWaitlistEntryFragment = { id: string, itemCode: string, siteId: string | null, earlierThan: string, bookingId: string | null, status: WaitlistStatus, offeredBookingId: string | null, createdAt: string };

export type AppointmentsItemsQueryVariables = Exact<{ [key: string]: never; }>;


export type AppointmentsItemsQuery = { prereview: { nodes: Array<{ code: string, handlingMode: HandlingMode, name: { zhHans: string, zhHant: string, en: string } }> }, onsite: { nodes: Array<{ code: string, handlingMode: HandlingMode, name: { zhHans: string, zhHant: string, en: string } }> } };

export type AppointmentsMyApplicationsQueryVariables = Exact<{ [key: string]: never; }>;


export type AppointmentsMyApplicationsQuery = { myApplications: Array<{ id: string, number: string, itemCode: string, status: ApplicationStatus, submittedAt: string }> };

export type AppointmentsSitesQueryVariables = Exact<{
  itemCode?: string | null | undefined;
}>;


export type AppointmentsSitesQuery = { appointmentSites: Array<{ id: string, code: string, latitude: number, longitude: number, timezone: string, phone: string, name: { zhHans: string, zhHant: string, en: string }, address: { zhHans: string, zhHant: string, en: string }, accessibility: { zhHans: string, zhHant: string, en: string } }> };

export type AppointmentsAvailabilityQueryVariables = Exact<{
  itemCode: string;
  siteCode?: string | null | undefined;
  near?: GeoPointInput | null | undefined;
  after?: string | null | undefined;
}>;


export type AppointmentsAvailabilityQuery = { appointmentAvailability: Array<{ distanceKm: number | null, site: { id: string, code: string, latitude: number, longitude: number, timezone: string, phone: string, name: { zhHans: string, zhHant: string, en: string }, address: { zhHans: string, zhHant: string, en: string }, accessibility: { zhHans: string, zhHant: string, en: string } }, slots: Array<{ id: string, siteId: string, itemCode: string, startsAt: string, endsAt: string, seatsLeft: number }> }> };

export type AppointmentsMineQueryVariables = Exact<{ [key: string]: never; }>;


export type AppointmentsMineQuery = { myBookings: Array<{ id: string, number: string, status: BookingStatus, itemCode: string, startsAt: string, endsAt: string, applicationId: string | null, applicationNumber: string | null, credential: string, calendarIcs: string, offerExpiresAt: string | null, offerAfterClosure: boolean, queueNumber: number | null, windowNumber: number | null, lateMinutes: number | null, checkedInAt: string | null, site: { id: string, code: string, latitude: number, longitude: number, timezone: string, phone: string, name: { zhHans: string, zhHant: string, en: string }, address: { zhHans: string, zhHant: string, en: string }, accessibility: { zhHans: string, zhHant: string, en: string } }, directions: { latitude: number, longitude: number, mapUri: string, address: { zhHans: string, zhHant: string, en: string } } }>, myWaitlist: Array<{ id: string, itemCode: string, siteId: string | null, earlierThan: string, bookingId: string | null, status: WaitlistStatus, offeredBookingId: string | null, createdAt: string }> };

export type AppointmentsBookingByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type AppointmentsBookingByIdQuery = { booking: { id: string, number: string, status: BookingStatus, itemCode: string, startsAt: string, endsAt: string, applicationId: string | null, applicationNumber: string | null, credential: string, calendarIcs: string, offerExpiresAt: string | null, offerAfterClosure: boolean, queueNumber: number | null, windowNumber: number | null, lateMinutes: number | null, checkedInAt: string | null, site: { id: string, code: string, latitude: number, longitude: number, timezone: string, phone: string, name: { zhHans: string, zhHant: string, en: string }, address: { zhHans: string, zhHant: string, en: string }, accessibility: { zhHans: string, zhHant: string, en: string } }, directions: { latitude: number, longitude: number, mapUri: string, address: { zhHans: string, zhHant: string, en: string } } } | null };

export type AppointmentsCreateMutationVariables = Exact<{
  slotId: string | number;
  itemCode: string;
  idempotencyKey: string;
  applicationId?: string | null | undefined;
}>;


export type AppointmentsCreateMutation = { bookingCreate:
    | { __typename: 'AppointmentError', message: string, field: string | null, retryAt: string | null, appointmentCode: AppointmentErrorCode }
    | { __typename: 'BookingSuccess', replayed: boolean, booking: { id: string, number: string, status: BookingStatus, itemCode: string, startsAt: string, endsAt: string, applicationId: string | null, applicationNumber: string | null, credential: string, calendarIcs: string, offerExpiresAt: string | null, offerAfterClosure: boolean, queueNumber: number | null, windowNumber: number | null, lateMinutes: number | null, checkedInAt: string | null, site: { id: string, code: string, latitude: number, longitude: number, timezone: string, phone: string, name: { zhHans: string, zhHant: string, en: string }, address: { zhHans: string, zhHant: string, en: string }, accessibility: { zhHans: string, zhHant: string, en: string } }, directions: { latitude: number, longitude: number, mapUri: string, address: { zhHans: string, zhHant: string, en: string } } } }
    | { __typename: 'SlotFullError', message: string, alternatives: Array<{ id: string, siteId: string, itemCode: string, startsAt: string, endsAt: string, seatsLeft: number }> }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, message: string }> }
   };

export type AppointmentsRescheduleMutationVariables = Exact<{
  bookingId: string | number;
  slotId: string | number;
  idempotencyKey: string;
}>;


export type AppointmentsRescheduleMutation = { bookingReschedule:
    | { __typename: 'AppointmentError', message: string, field: string | null, retryAt: string | null, appointmentCode: AppointmentErrorCode }
    | { __typename: 'BookingSuccess', replayed: boolean, booking: { id: string, number: string, status: BookingStatus, itemCode: string, startsAt: string, endsAt: string, applicationId: string | null, applicationNumber: string | null, credential: string, calendarIcs: string, offerExpiresAt: string | null, offerAfterClosure: boolean, queueNumber: number | null, windowNumber: number | null, lateMinutes: number | null, checkedInAt: string | null, site: { id: string, code: string, latitude: number, longitude: number, timezone: string, phone: string, name: { zhHans: string, zhHant: string, en: string }, address: { zhHans: string, zhHant: string, en: string }, accessibility: { zhHans: string, zhHant: string, en: string } }, directions: { latitude: number, longitude: number, mapUri: string, address: { zhHans: string, zhHant: string, en: string } } } }
    | { __typename: 'SlotFullError', message: string, alternatives: Array<{ id: string, siteId: string, itemCode: string, startsAt: string, endsAt: string, seatsLeft: number }> }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, message: string }> }
   };

export type AppointmentsCancelMutationVariables = Exact<{
  bookingId: string | number;
}>;


export type AppointmentsCancelMutation = { bookingCancel:
    | { __typename: 'AppointmentError', message: string, field: string | null, retryAt: string | null, appointmentCode: AppointmentErrorCode }
    | { __typename: 'BookingChanged', booking: { id: string, number: string, status: BookingStatus, itemCode: string, startsAt: string, endsAt: string, applicationId: string | null, applicationNumber: string | null, credential: string, calendarIcs: string, offerExpiresAt: string | null, offerAfterClosure: boolean, queueNumber: number | null, windowNumber: number | null, lateMinutes: number | null, checkedInAt: string | null, site: { id: string, code: string, latitude: number, longitude: number, timezone: string, phone: string, name: { zhHans: string, zhHant: string, en: string }, address: { zhHans: string, zhHant: string, en: string }, accessibility: { zhHans: string, zhHant: string, en: string } }, directions: { latitude: number, longitude: number, mapUri: string, address: { zhHans: string, zhHant: string, en: string } } } }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, message: string }> }
   };

export type AppointmentsReleaseMutationVariables = Exact<{
  bookingId: string | number;
}>;


export type AppointmentsReleaseMutation = { bookingRelease:
    | { __typename: 'AppointmentError', message: string, field: string | null, retryAt: string | null, appointmentCode: AppointmentErrorCode }
    | { __typename: 'BookingChanged', booking: { id: string, number: string, status: BookingStatus, itemCode: string, startsAt: string, endsAt: string, applicationId: string | null, applicationNumber: string | null, credential: string, calendarIcs: string, offerExpiresAt: string | null, offerAfterClosure: boolean, queueNumber: number | null, windowNumber: number | null, lateMinutes: number | null, checkedInAt: string | null, site: { id: string, code: string, latitude: number, longitude: number, timezone: string, phone: string, name: { zhHans: string, zhHant: string, en: string }, address: { zhHans: string, zhHant: string, en: string }, accessibility: { zhHans: string, zhHant: string, en: string } }, directions: { latitude: number, longitude: number, mapUri: string, address: { zhHans: string, zhHant: string, en: string } } } }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, message: string }> }
   };

export type AppointmentsLateMutationVariables = Exact<{
  bookingId: string | number;
  minutes: number;
}>;


export type AppointmentsLateMutation = { bookingLateReport:
    | { __typename: 'AppointmentError', message: string, field: string | null, retryAt: string | null, appointmentCode: AppointmentErrorCode }
    | { __typename: 'BookingChanged', booking: { id: string, number: string, status: BookingStatus, itemCode: string, startsAt: string, endsAt: string, applicationId: string | null, applicationNumber: string | null, credential: string, calendarIcs: string, offerExpiresAt: string | null, offerAfterClosure: boolean, queueNumber: number | null, windowNumber: number | null, lateMinutes: number | null, checkedInAt: string | null, site: { id: string, code: string, latitude: number, longitude: number, timezone: string, phone: string, name: { zhHans: string, zhHant: string, en: string }, address: { zhHans: string, zhHant: string, en: string }, accessibility: { zhHans: string, zhHant: string, en: string } }, directions: { latitude: number, longitude: number, mapUri: string, address: { zhHans: string, zhHant: string, en: string } } } }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, message: string }> }
   };

export type AppointmentsOfferConfirmMutationVariables = Exact<{
  bookingId: string | number;
}>;


export type AppointmentsOfferConfirmMutation = { bookingOfferConfirm:
    | { __typename: 'AppointmentError', message: string, field: string | null, retryAt: string | null, appointmentCode: AppointmentErrorCode }
    | { __typename: 'BookingSuccess', replayed: boolean, booking: { id: string, number: string, status: BookingStatus, itemCode: string, startsAt: string, endsAt: string, applicationId: string | null, applicationNumber: string | null, credential: string, calendarIcs: string, offerExpiresAt: string | null, offerAfterClosure: boolean, queueNumber: number | null, windowNumber: number | null, lateMinutes: number | null, checkedInAt: string | null, site: { id: string, code: string, latitude: number, longitude: number, timezone: string, phone: string, name: { zhHans: string, zhHant: string, en: string }, address: { zhHans: string, zhHant: string, en: string }, accessibility: { zhHans: string, zhHant: string, en: string } }, directions: { latitude: number, longitude: number, mapUri: string, address: { zhHans: string, zhHant: string, en: string } } } }
    | { __typename: 'SlotFullError', message: string, alternatives: Array<{ id: string, siteId: string, itemCode: string, startsAt: string, endsAt: string, seatsLeft: number }> }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, message: string }> }
   };

export type AppointmentsWaitlistJoinMutationVariables = Exact<{
  input: WaitlistJoinInput;
}>;


export type AppointmentsWaitlistJoinMutation = { waitlistJoin:
    | { __typename: 'AppointmentError', message: string, field: string | null, retryAt: string | null, appointmentCode: AppointmentErrorCode }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, message: string }> }
    | { __typename: 'WaitlistJoined', entry: { id: string, itemCode: string, siteId: string | null, earlierThan: string, bookingId: string | null, status: WaitlistStatus, offeredBookingId: string | null, createdAt: string } }
   };

export type AppointmentsWaitlistLeaveMutationVariables = Exact<{
  entryId: string | number;
}>;


export type AppointmentsWaitlistLeaveMutation = { waitlistLeave:
    | { __typename: 'AppointmentError', message: string, field: string | null, retryAt: string | null, appointmentCode: AppointmentErrorCode }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, message: string }> }
    | { __typename: 'WaitlistJoined', entry: { id: string, itemCode: string, siteId: string | null, earlierThan: string, bookingId: string | null, status: WaitlistStatus, offeredBookingId: string | null, createdAt: string } }
   };

export type AppointmentsUpdatesSubscriptionVariables = Exact<{
  bookingId: string | number;
}>;


export type AppointmentsUpdatesSubscription = { myBookingUpdates: { bookingId: string, status: BookingStatus, queueNumber: number | null, windowNumber: number | null, message: string } };

export type AppointmentsDayBookingFragment = { id: string, number: string, status: BookingStatus, itemCode: string, startsAt: string, endsAt: string, personName: string, applicationId: string | null, applicationNumber: string | null, queueNumber: number | null, windowNumber: number | null, lateMinutes: number | null, checkedInAt: string | null, calledAt: string | null };

export type AppointmentsOfficerSitesQueryVariables = Exact<{ [key: string]: never; }>;


export type AppointmentsOfficerSitesQuery = { appointmentSites: Array<{ id: string, code: string, latitude: number, longitude: number, timezone: string, phone: string, name: { zhHans: string, zhHant: string, en: string }, address: { zhHans: string, zhHant: string, en: string }, accessibility: { zhHans: string, zhHant: string, en: string } }>, serviceItems: { nodes: Array<{ code: string, name: { zhHans: string, zhHant: string, en: string } }> } };

export type AppointmentsSiteDayQueryVariables = Exact<{
  siteId: string | number;
  date: unknown;
}>;


export type AppointmentsSiteDayQuery = { siteDay: { date: unknown, site: { id: string, code: string, latitude: number, longitude: number, timezone: string, phone: string, name: { zhHans: string, zhHant: string, en: string }, address: { zhHans: string, zhHant: string, en: string }, accessibility: { zhHans: string, zhHant: string, en: string } }, windows: Array<{ number: number, itemCodes: Array<string>, active: boolean }>, bookings: Array<{ id: string, number: string, status: BookingStatus, itemCode: string, startsAt: string, endsAt: string, personName: string, applicationId: string | null, applicationNumber: string | null, queueNumber: number | null, windowNumber: number | null, lateMinutes: number | null, checkedInAt: string | null, calledAt: string | null }> } | null };

export type AppointmentsCheckInMutationVariables = Exact<{
  idempotencyKey: string;
  credential?: string | null | undefined;
  number?: string | null | undefined;
}>;


export type AppointmentsCheckInMutation = { bookingCheckIn:
    | { __typename: 'AppointmentError', message: string, field: string | null, retryAt: string | null, appointmentCode: AppointmentErrorCode }
    | { __typename: 'CheckInSuccess', queueNumber: number, replayed: boolean, booking: { id: string, number: string, status: BookingStatus, itemCode: string, startsAt: string, endsAt: string, personName: string, applicationId: string | null, applicationNumber: string | null, queueNumber: number | null, windowNumber: number | null, lateMinutes: number | null, checkedInAt: string | null, calledAt: string | null } }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, message: string }> }
   };

export type AppointmentsCallNextMutationVariables = Exact<{
  siteId: string | number;
  windowNumber: number;
}>;


export type AppointmentsCallNextMutation = { queueCallNext:
    | { __typename: 'AppointmentError', message: string, field: string | null, retryAt: string | null, appointmentCode: AppointmentErrorCode }
    | { __typename: 'QueueCalled', windowNumber: number, booking: { id: string, number: string, status: BookingStatus, itemCode: string, startsAt: string, endsAt: string, personName: string, applicationId: string | null, applicationNumber: string | null, queueNumber: number | null, windowNumber: number | null, lateMinutes: number | null, checkedInAt: string | null, calledAt: string | null } }
   };

export type AppointmentsOutcomeMutationVariables = Exact<{
  bookingId: string | number;
  outcome: BookingOutcome;
}>;


export type AppointmentsOutcomeMutation = { bookingOutcomeRecord:
    | { __typename: 'AppointmentError', message: string, field: string | null, retryAt: string | null, appointmentCode: AppointmentErrorCode }
    | { __typename: 'BookingOutcomeRecorded', booking: { id: string, number: string, status: BookingStatus, itemCode: string, startsAt: string, endsAt: string, personName: string, applicationId: string | null, applicationNumber: string | null, queueNumber: number | null, windowNumber: number | null, lateMinutes: number | null, checkedInAt: string | null, calledAt: string | null } }
   };

export type AppointmentsItemNameQueryVariables = Exact<{
  code: string;
}>;


export type AppointmentsItemNameQuery = { serviceItem: { code: string, name: { zhHans: string, zhHant: string, en: string } } | null };

export type AppointmentsOpenDrawsQueryVariables = Exact<{
  itemCode: string;
  siteId?: string | number | null | undefined;
}>;


export type AppointmentsOpenDrawsQuery = { appointmentDraws: Array<{ id: string, drawn: boolean, closesAt: string }> };

export type AppointmentsDrawEnterMutationVariables = Exact<{
  drawId: string | number;
}>;


export type AppointmentsDrawEnterMutation = { drawEnter:
    | { __typename: 'AppointmentError', message: string, field: string | null, retryAt: string | null, appointmentCode: AppointmentErrorCode }
    | { __typename: 'DrawEntered', entry: { id: string, state: DrawEntryState } }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, message: string }> }
   };

export type DeclarationEstimateFragment = { dutyCny: string, valueCny: string, taxableCny: string, channel: string, reasons: Array<string>, ruleSetVersion: string, ratesDate: unknown, lines: Array<{ articleKey: string, travellerKey: string, category: string, declaredCategory: string, valueCny: string, allowanceUsedCny: string, unitsExempt: number, taxableCny: string, rate: string, dutyCny: string, rule: string, legalBasis: string }>, travellers: Array<{ travellerKey: string, allowanceCny: string, allowanceWithDutyFreeCny: string | null, allowanceUsedCny: string, valueCny: string, taxableCny: string, dutyCny: string, reasons: Array<string> }> };

export type DeclarationFullFragment = { id: string, number: string, version: number, status: DeclarationStatus, direction: Direction, portCode: string, travelMode: TravelMode, travelNumber: string, scheduledAt: string, validFrom: string, validUntil: string, restrictedYes: Array<string>, credential: string, submittedAt: string, travellers: Array<{ key: string, fullName: string, documentType: string, documentNumber: string, dateOfBirth: unknown, isResident: boolean, consentStatement: string | null }>, articles: Array<{ key: string, traveller: number, categoryCode: string, description: string, quantity: number, unitValue: string, currency: string, unitMeasure: number | null, indivisible: boolean, takenOutAgain: boolean, dutyFreeShop: boolean, photo: { documentId: string, format: FileFormat, mediaType: string, url: string } | null }>, cash: Array<{ traveller: number, currency: string, amount: string }>, estimate: { dutyCny: string, valueCny: string, taxableCny: string, channel: string, reasons: Array<string>, ruleSetVersion: string, ratesDate: unknown, lines: Array<{ articleKey: string, travellerKey: string, category: string, declaredCategory: string, valueCny: string, allowanceUsedCny: string, unitsExempt: number, taxableCny: string, rate: string, dutyCny: string, rule: string, legalBasis: string }>, travellers: Array<{ travellerKey: string, allowanceCny: string, allowanceWithDutyFreeCny: string | null, allowanceUsedCny: string, valueCny: string, taxableCny: string, dutyCny: string, reasons: Array<string> }> }, outcome: { kind: OutcomeKind, dutyAssessed: string | null, reason: string, receiptNumber: string, recordedAt: string, observedAt: string } | null };

type DeclarationSubmitOutcome_DeclarationError_Fragment = { __typename: 'DeclarationError', message: string, field: string | null, declarationCode: DeclarationErrorCode };

type DeclarationSubmitOutcome_DeclarationSubmitSuccess_Fragment = { __typename: 'DeclarationSubmitSuccess', replayed: boolean, declaration: { id: string, number: string, version: number, status: DeclarationStatus, direction: Direction, portCode: string, travelMode: TravelMode, travelNumber: string, scheduledAt: string, validFrom: string, validUntil: string, restrictedYes: Array<string>, credential: string, submittedAt: string, travellers: Array<{ key: string, fullName: string, documentType: string, documentNumber: string, dateOfBirth: unknown, isResident: boolean, consentStatement: string | null }>, articles: Array<{ key: string, traveller: number, categoryCode: string, description: string, quantity: number, unitValue: string, currency: string, unitMeasure: number | null, indivisible: boolean, takenOutAgain: boolean, dutyFreeShop: boolean, photo: { documentId: string, format: FileFormat, mediaType: string, url: string } | null }>, cash: Array<{ traveller: number, currency: string, amount: string }>, estimate: { dutyCny: string, valueCny: string, taxableCny: string, channel: string, reasons: Array<string>, ruleSetVersion: string, ratesDate: unknown, lines: Array<{ articleKey: string, travellerKey: string, category: string, declaredCategory: string, valueCny: string, allowanceUsedCny: string, unitsExempt: number, taxableCny: string, rate: string, dutyCny: string, rule: string, legalBasis: string }>, travellers: Array<{ travellerKey: string, allowanceCny: string, allowanceWithDutyFreeCny: string | null, allowanceUsedCny: string, valueCny: string, taxableCny: string, dutyCny: string, reasons: Array<string> }> }, outcome: { kind: OutcomeKind, dutyAssessed: string | null, reason: string, receiptNumber: string, recordedAt: string, observedAt: string } | null } };

type DeclarationSubmitOutcome_ValidationError_Fragment = { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> };

export type DeclarationSubmitOutcomeFragment =
  | DeclarationSubmitOutcome_DeclarationError_Fragment
  | DeclarationSubmitOutcome_DeclarationSubmitSuccess_Fragment
  | DeclarationSubmitOutcome_ValidationError_Fragment
;

export type DeclarationRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type DeclarationRulesQuery = { dutyRules: { version: string, effectiveFrom: unknown, source: string, ratesDate: unknown, ratesSource: string, ruleSetJson: string, ratesJson: string, categories: Array<{ code: string, rate: string, synonyms: Array<string>, needsMeasure: boolean, name: { zhHans: string, zhHant: string, en: string }, examples: { zhHans: string, zhHant: string, en: string } }>, checklist: Array<{ code: string, question: { zhHans: string, zhHant: string, en: string }, guidance: { zhHans: string, zhHant: string, en: string } }> }, ports: { nodes: Array<{ code: string, kind: PortKind, name: { zhHans: string, zhHant: string, en: string }, city: { zhHans: string, zhHant: string, en: string } }> } };

export type DeclarationDutyEstimateQueryVariables = Exact<{
  travellers: Array<EstimateTravellerInput> | EstimateTravellerInput;
  articles: Array<ArticleInput> | ArticleInput;
  cash?: Array<CashInput> | CashInput | null | undefined;
  restrictedYes?: Array<string> | string | null | undefined;
  direction: Direction;
  portCode: string;
  frequentCrosser: boolean;
}>;


export type DeclarationDutyEstimateQuery = { dutyEstimate:
    | { __typename: 'DeclarationError', message: string, declarationCode: DeclarationErrorCode }
    | { __typename: 'DutyEstimate', dutyCny: string, valueCny: string, taxableCny: string, channel: string, reasons: Array<string>, ruleSetVersion: string, ratesDate: unknown, lines: Array<{ articleKey: string, travellerKey: string, category: string, declaredCategory: string, valueCny: string, allowanceUsedCny: string, unitsExempt: number, taxableCny: string, rate: string, dutyCny: string, rule: string, legalBasis: string }>, travellers: Array<{ travellerKey: string, allowanceCny: string, allowanceWithDutyFreeCny: string | null, allowanceUsedCny: string, valueCny: string, taxableCny: string, dutyCny: string, reasons: Array<string> }> }
    | { __typename: 'ValidationError', message: string, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
   };

export type DeclarationSubmitMutationVariables = Exact<{
  input: DeclarationInput;
  idempotencyKey: string;
  draftId?: string | number | null | undefined;
}>;


export type DeclarationSubmitMutation = { declarationSubmit:
    | { __typename: 'DeclarationError', message: string, field: string | null, declarationCode: DeclarationErrorCode }
    | { __typename: 'DeclarationSubmitSuccess', replayed: boolean, declaration: { id: string, number: string, version: number, status: DeclarationStatus, direction: Direction, portCode: string, travelMode: TravelMode, travelNumber: string, scheduledAt: string, validFrom: string, validUntil: string, restrictedYes: Array<string>, credential: string, submittedAt: string, travellers: Array<{ key: string, fullName: string, documentType: string, documentNumber: string, dateOfBirth: unknown, isResident: boolean, consentStatement: string | null }>, articles: Array<{ key: string, traveller: number, categoryCode: string, description: string, quantity: number, unitValue: string, currency: string, unitMeasure: number | null, indivisible: boolean, takenOutAgain: boolean, dutyFreeShop: boolean, photo: { documentId: string, format: FileFormat, mediaType: string, url: string } | null }>, cash: Array<{ traveller: number, currency: string, amount: string }>, estimate: { dutyCny: string, valueCny: string, taxableCny: string, channel: string, reasons: Array<string>, ruleSetVersion: string, ratesDate: unknown, lines: Array<{ articleKey: string, travellerKey: string, category: string, declaredCategory: string, valueCny: string, allowanceUsedCny: string, unitsExempt: number, taxableCny: string, rate: string, dutyCny: string, rule: string, legalBasis: string }>, travellers: Array<{ travellerKey: string, allowanceCny: string, allowanceWithDutyFreeCny: string | null, allowanceUsedCny: string, valueCny: string, taxableCny: string, dutyCny: string, reasons: Array<string> }> }, outcome: { kind: OutcomeKind, dutyAssessed: string | null, reason: string, receiptNumber: string, recordedAt: string, observedAt: string } | null } }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
   };

export type DeclarationAmendMutationVariables = Exact<{
  declarationId: string | number;
  input: DeclarationInput;
  idempotencyKey: string;
}>;


export type DeclarationAmendMutation = { declarationAmend:
    | { __typename: 'DeclarationError', message: string, field: string | null, declarationCode: DeclarationErrorCode }
    | { __typename: 'DeclarationSubmitSuccess', replayed: boolean, declaration: { id: string, number: string, version: number, status: DeclarationStatus, direction: Direction, portCode: string, travelMode: TravelMode, travelNumber: string, scheduledAt: string, validFrom: string, validUntil: string, restrictedYes: Array<string>, credential: string, submittedAt: string, travellers: Array<{ key: string, fullName: string, documentType: string, documentNumber: string, dateOfBirth: unknown, isResident: boolean, consentStatement: string | null }>, articles: Array<{ key: string, traveller: number, categoryCode: string, description: string, quantity: number, unitValue: string, currency: string, unitMeasure: number | null, indivisible: boolean, takenOutAgain: boolean, dutyFreeShop: boolean, photo: { documentId: string, format: FileFormat, mediaType: string, url: string } | null }>, cash: Array<{ traveller: number, currency: string, amount: string }>, estimate: { dutyCny: string, valueCny: string, taxableCny: string, channel: string, reasons: Array<string>, ruleSetVersion: string, ratesDate: unknown, lines: Array<{ articleKey: string, travellerKey: string, category: string, declaredCategory: string, valueCny: string, allowanceUsedCny: string, unitsExempt: number, taxableCny: string, rate: string, dutyCny: string, rule: string, legalBasis: string }>, travellers: Array<{ travellerKey: string, allowanceCny: string, allowanceWithDutyFreeCny: string | null, allowanceUsedCny: string, valueCny: string, taxableCny: string, dutyCny: string, reasons: Array<string> }> }, outcome: { kind: OutcomeKind, dutyAssessed: string | null, reason: string, receiptNumber: string, recordedAt: string, observedAt: string } | null } }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
   };

export type DeclarationDraftSaveMutationVariables = Exact<{
  draftId: string | number;
  baseVersion: number;
  dataJson: string;
  device: string;
}>;


export type DeclarationDraftSaveMutation = { declarationDraftSave:
    | { __typename: 'DeclarationDraftSaved', draft: { id: string, version: number, updatedAt: string } }
    | { __typename: 'DeclarationError', message: string, declarationCode: DeclarationErrorCode }
    | { __typename: 'DraftConflictError', message: string, serverVersion: number, serverDataJson: string, updatedAt: string, draftCode: DeclarationErrorCode }
    | { __typename: 'ValidationError', message: string, validationCode: ValidationErrorCode }
   };

export type DeclarationMyDraftsQueryVariables = Exact<{ [key: string]: never; }>;


export type DeclarationMyDraftsQuery = { myDeclarationDrafts: Array<{ id: string, version: number, dataJson: string, updatedAt: string, device: string }> };

export type DeclarationMineQueryVariables = Exact<{ [key: string]: never; }>;


export type DeclarationMineQuery = { myDeclarations: { nodes: Array<{ id: string, number: string, version: number, status: DeclarationStatus, direction: Direction, portCode: string, travelMode: TravelMode, travelNumber: string, scheduledAt: string, validFrom: string, validUntil: string, restrictedYes: Array<string>, credential: string, submittedAt: string, travellers: Array<{ key: string, fullName: string, documentType: string, documentNumber: string, dateOfBirth: unknown, isResident: boolean, consentStatement: string | null }>, articles: Array<{ key: string, traveller: number, categoryCode: string, description: string, quantity: number, unitValue: string, currency: string, unitMeasure: number | null, indivisible: boolean, takenOutAgain: boolean, dutyFreeShop: boolean, photo: { documentId: string, format: FileFormat, mediaType: string, url: string } | null }>, cash: Array<{ traveller: number, currency: string, amount: string }>, estimate: { dutyCny: string, valueCny: string, taxableCny: string, channel: string, reasons: Array<string>, ruleSetVersion: string, ratesDate: unknown, lines: Array<{ articleKey: string, travellerKey: string, category: string, declaredCategory: string, valueCny: string, allowanceUsedCny: string, unitsExempt: number, taxableCny: string, rate: string, dutyCny: string, rule: string, legalBasis: string }>, travellers: Array<{ travellerKey: string, allowanceCny: string, allowanceWithDutyFreeCny: string | null, allowanceUsedCny: string, valueCny: string, taxableCny: string, dutyCny: string, reasons: Array<string> }> }, outcome: { kind: OutcomeKind, dutyAssessed: string | null, reason: string, receiptNumber: string, recordedAt: string, observedAt: string } | null }> } };

export type DeclarationOneQueryVariables = Exact<{
  id: string | number;
}>;


export type DeclarationOneQuery = { declaration: { id: string, number: string, version: number, status: DeclarationStatus, direction: Direction, portCode: string, travelMode: TravelMode, travelNumber: string, scheduledAt: string, validFrom: string, validUntil: string, restrictedYes: Array<string>, credential: string, submittedAt: string, travellers: Array<{ key: string, fullName: string, documentType: string, documentNumber: string, dateOfBirth: unknown, isResident: boolean, consentStatement: string | null }>, articles: Array<{ key: string, traveller: number, categoryCode: string, description: string, quantity: number, unitValue: string, currency: string, unitMeasure: number | null, indivisible: boolean, takenOutAgain: boolean, dutyFreeShop: boolean, photo: { documentId: string, format: FileFormat, mediaType: string, url: string } | null }>, cash: Array<{ traveller: number, currency: string, amount: string }>, estimate: { dutyCny: string, valueCny: string, taxableCny: string, channel: string, reasons: Array<string>, ruleSetVersion: string, ratesDate: unknown, lines: Array<{ articleKey: string, travellerKey: string, category: string, declaredCategory: string, valueCny: string, allowanceUsedCny: string, unitsExempt: number, taxableCny: string, rate: string, dutyCny: string, rule: string, legalBasis: string }>, travellers: Array<{ travellerKey: string, allowanceCny: string, allowanceWithDutyFreeCny: string | null, allowanceUsedCny: string, valueCny: string, taxableCny: string, dutyCny: string, reasons: Array<string> }> }, outcome: { kind: OutcomeKind, dutyAssessed: string | null, reason: string, receiptNumber: string, recordedAt: string, observedAt: string } | null } | null };

export type DeclarationVerifyQueryVariables = Exact<{
  credential: string;
}>;


export type DeclarationVerifyQuery = { declarationVerification: { valid: boolean, problem: DeclarationErrorCode | null, message: string | null, superseded: boolean, latestVersion: number | null, issuedAt: string | null, expiresAt: string | null, declaration: { id: string, number: string, version: number, status: DeclarationStatus, articles: Array<{ key: string, description: string, photo: { documentId: string, mediaType: string, url: string } | null }>, outcome: { kind: OutcomeKind, dutyAssessed: string | null, reason: string, receiptNumber: string, recordedAt: string } | null } | null } };

export type DeclarationOutcomeRecordMutationVariables = Exact<{
  input: OutcomeInput;
  idempotencyKey: string;
}>;


export type DeclarationOutcomeRecordMutation = { inspectionOutcomeRecord:
    | { __typename: 'DeclarationError', message: string, declarationCode: DeclarationErrorCode }
    | { __typename: 'OutcomeRecorded', declarationId: string, replayed: boolean, outcome: { kind: OutcomeKind, dutyAssessed: string | null, reason: string, receiptNumber: string, recordedAt: string, observedAt: string } }
    | { __typename: 'ValidationError', message: string, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
   };

export type DeclarationByNumberQueryVariables = Exact<{
  number: string;
}>;


export type DeclarationByNumberQuery = { declarationByNumber: { id: string, number: string, version: number, status: DeclarationStatus, credential: string } | null };

export type EnterpriseRegisterMutationVariables = Exact<{
  name: string;
  uscc: string;
}>;


export type EnterpriseRegisterMutation = { enterpriseRegister:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'IdentityDone', ok: boolean }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
    | { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode }
   };

export type EnterpriseInvitationAcceptMutationVariables = Exact<{
  membershipId: string | number;
}>;


export type EnterpriseInvitationAcceptMutation = { enterpriseInvitationAccept:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'IdentityDone', ok: boolean }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
    | { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode }
   };

export type EnterpriseMembersQueryVariables = Exact<{
  enterpriseId: string | number;
}>;


export type EnterpriseMembersQuery = { enterpriseMembers: Array<{ membershipId: string, fullName: string, role: EnterpriseRole, status: MembershipStatus }> };

export type EnterpriseMemberInviteMutationVariables = Exact<{
  enterpriseId: string | number;
  documentType: DocumentType;
  documentNumber: string;
  fullName: string;
  role: EnterpriseRole;
}>;


export type EnterpriseMemberInviteMutation = { enterpriseMemberInvite:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'IdentityDone', ok: boolean }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
    | { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode }
   };

export type EnterpriseMemberRemoveMutationVariables = Exact<{
  membershipId: string | number;
}>;


export type EnterpriseMemberRemoveMutation = { enterpriseMemberRemove:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'IdentityDone', ok: boolean }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
    | { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode }
   };

export type FairMyIdentityQueryVariables = Exact<{ [key: string]: never; }>;


export type FairMyIdentityQuery = { myIdentity: { level: IdentityLevel, method: VerificationMethod | null, verifiedAt: string | null, onlineAvailable: boolean } | null };

export type FairVerifyOnlineMutationVariables = Exact<{ [key: string]: never; }>;


export type FairVerifyOnlineMutation = { identityVerifyOnline:
    | { __typename: 'AccountError', message: string, accountCode: IdentityErrorCode }
    | { __typename: 'IdentityVerified', level: IdentityLevel, method: VerificationMethod, verifiedAt: string }
    | { __typename: 'TooManyAttempts', message: string, retryAfterSeconds: number }
   };

export type FairVerifyAtWindowMutationVariables = Exact<{
  bookingId: string | number;
  documentNumber: string;
}>;


export type FairVerifyAtWindowMutation = { identityVerifyAtWindow:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'AppointmentError', message: string, appointmentCode: AppointmentErrorCode }
    | { __typename: 'IdentityVerified', level: IdentityLevel }
   };

export type FairDrawFragment = { id: string, siteId: string, itemCode: string, slotsFrom: string, slotsTo: string, closesAt: string, drawn: boolean, seed: string | null, entrantsDigest: string | null, drawnAt: string | null, entryIds: Array<string>, itemName: { zhHans: string, zhHant: string, en: string }, siteName: { zhHans: string, zhHant: string, en: string } };

export type FairDrawsQueryVariables = Exact<{
  itemCode: string;
}>;


export type FairDrawsQuery = { appointmentDraws: Array<{ id: string, siteId: string, itemCode: string, slotsFrom: string, slotsTo: string, closesAt: string, drawn: boolean, seed: string | null, entrantsDigest: string | null, drawnAt: string | null, entryIds: Array<string>, itemName: { zhHans: string, zhHant: string, en: string }, siteName: { zhHans: string, zhHant: string, en: string } }> };

export type FairMyEntriesQueryVariables = Exact<{ [key: string]: never; }>;


export type FairMyEntriesQuery = { myDrawEntries: Array<{ id: string, state: DrawEntryState, rank: number | null, bookingId: string | null, draw: { id: string, siteId: string, itemCode: string, slotsFrom: string, slotsTo: string, closesAt: string, drawn: boolean, seed: string | null, entrantsDigest: string | null, drawnAt: string | null, entryIds: Array<string>, itemName: { zhHans: string, zhHant: string, en: string }, siteName: { zhHans: string, zhHant: string, en: string } } }> };

export type FairDrawEnterMutationVariables = Exact<{
  drawId: string | number;
}>;


export type FairDrawEnterMutation = { drawEnter:
    | { __typename: 'AppointmentError', message: string, appointmentCode: AppointmentErrorCode }
    | { __typename: 'DrawEntered', entry: { id: string, state: DrawEntryState } }
    | { __typename: 'ValidationError', message: string }
   };

export type FairDrawCreateMutationVariables = Exact<{
  input: DrawCreateInput;
}>;


export type FairDrawCreateMutation = { drawCreate:
    | { __typename: 'AppointmentError', message: string, field: string | null, appointmentCode: AppointmentErrorCode }
    | { __typename: 'DrawCreated', draw: { id: string, siteId: string, itemCode: string, slotsFrom: string, slotsTo: string, closesAt: string, drawn: boolean, seed: string | null, entrantsDigest: string | null, drawnAt: string | null, entryIds: Array<string>, itemName: { zhHans: string, zhHant: string, en: string }, siteName: { zhHans: string, zhHant: string, en: string } } }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, message: string }> }
   };

export type FairRuleFragment = { itemCode: string, source: FairnessRuleSource, maxPerItem: number, maxPerDay: number, maxReschedules: number, maxCancellations: number, changeWindowHours: number, verifiedOnly: boolean, updatedAt: string | null };

export type FairRuleQueryVariables = Exact<{
  itemCode: string;
}>;


export type FairRuleQuery = { fairnessRule: { itemCode: string, source: FairnessRuleSource, maxPerItem: number, maxPerDay: number, maxReschedules: number, maxCancellations: number, changeWindowHours: number, verifiedOnly: boolean, updatedAt: string | null } };

export type FairRuleSetMutationVariables = Exact<{
  input: FairnessRuleInput;
}>;


export type FairRuleSetMutation = { fairnessRuleSet:
    | { __typename: 'FairnessRuleSaved' }
    | { __typename: 'ValidationError', errors: Array<{ field: string, message: string }> }
   };

export type HelpSearchQueryVariables = Exact<{
  text: string;
}>;


export type HelpSearchQuery = { search: { corrections: Array<string>, hits: Array<{ kind: SearchKind, key: string, title: string, summary: string, language: string, isFallback: boolean, titleHighlights: Array<{ start: number, length: number }>, summaryHighlights: Array<{ start: number, length: number }> }> } };

export type HelpArticleQueryVariables = Exact<{
  slug: string;
}>;


export type HelpArticleQuery = { knowledgeArticle: { slug: string, category: KnowledgeCategory, version: number, effectiveFrom: unknown, title: string, body: string, language: string, isFallback: boolean, availableLanguages: Array<string>, serviceItems: Array<string>, dutyCategories: Array<string> } | null };

export type HelpFeedbackSubmitMutationVariables = Exact<{
  input: FeedbackSubmitInput;
}>;


export type HelpFeedbackSubmitMutation = { feedbackSubmit:
    | { __typename: 'FeedbackSubmitSuccess', reference: string, dueDate: unknown, trackingCode: string | null }
    | { __typename: 'ValidationError', message: string, field: string | null, errors: Array<{ field: string, message: string }> }
   };

export type HelpFeedbackStatusQueryVariables = Exact<{
  reference: string;
  trackingCode?: string | null | undefined;
}>;


export type HelpFeedbackStatusQuery = { feedbackStatus: { reference: string, kind: FeedbackKind, status: FeedbackStatus, dueDate: unknown, publicationConsent: boolean | null, replies: Array<{ at: string, text: string }> } | null };

export type HelpFeedbackConsentMutationVariables = Exact<{
  input: FeedbackConsentInput;
}>;


export type HelpFeedbackConsentMutation = { feedbackConsent:
    | { __typename: 'FeedbackChanged', item: { reference: string, publicationConsent: boolean | null } }
    | { __typename: 'FeedbackError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type HelpPublicFeedbackQueryVariables = Exact<{ [key: string]: never; }>;


export type HelpPublicFeedbackQuery = { publicFeedback: Array<{ reference: string, kind: FeedbackKind, message: string, reply: string, publishedAt: string }> };

export type HelpRatingSummaryQueryVariables = Exact<{
  siteCode?: string | null | undefined;
}>;


export type HelpRatingSummaryQuery = { ratingSummary: { count: number, average: number | null } };

export type HelpMyRatingQueryVariables = Exact<{
  kind: RatedKind;
  subjectId: string;
}>;


export type HelpMyRatingQuery = { myRating: { stars: number, windowStars: number | null, comment: string, changeableUntil: string } | null };

export type HelpRatingSaveMutationVariables = Exact<{
  input: RatingSaveInput;
}>;


export type HelpRatingSaveMutation = { ratingSave:
    | { __typename: 'RatingError', message: string }
    | { __typename: 'RatingSaved', rating: { stars: number, changeableUntil: string } }
    | { __typename: 'ValidationError', message: string, field: string | null, errors: Array<{ field: string, message: string }> }
   };

export type HelpOfficerQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type HelpOfficerQueueQuery = { feedbackQueue: Array<{ reference: string, kind: FeedbackKind, status: FeedbackStatus, message: string, submittedAt: string, dueDate: unknown, escalated: boolean, anonymous: boolean, replies: Array<{ at: string, text: string }> }>, feedbackToPublish: Array<{ reference: string, kind: FeedbackKind, status: FeedbackStatus, message: string, submittedAt: string, dueDate: unknown, escalated: boolean, anonymous: boolean, replies: Array<{ at: string, text: string }> }> };

export type HelpOfficerReplyMutationVariables = Exact<{
  input: FeedbackReplyInput;
}>;


export type HelpOfficerReplyMutation = { feedbackReply:
    | { __typename: 'FeedbackChanged', item: { reference: string, status: FeedbackStatus } }
    | { __typename: 'FeedbackError', code: FeedbackErrorCode, message: string, field: string | null }
    | { __typename: 'ValidationError', message: string, field: string | null, errors: Array<{ field: string, message: string }> }
   };

export type HelpOfficerPublishMutationVariables = Exact<{
  input: FeedbackPublishInput;
}>;


export type HelpOfficerPublishMutation = { feedbackPublish:
    | { __typename: 'FeedbackChanged', item: { reference: string, status: FeedbackStatus } }
    | { __typename: 'FeedbackError', code: FeedbackErrorCode, message: string, field: string | null }
    | { __typename: 'ValidationError', message: string, field: string | null, errors: Array<{ field: string, message: string }> }
   };

export type HelpOfficerArticlesQueryVariables = Exact<{ [key: string]: never; }>;


export type HelpOfficerArticlesQuery = { knowledgeArticles: Array<{ slug: string, category: KnowledgeCategory, title: string, version: number, effectiveFrom: unknown, availableLanguages: Array<string> }> };

export type HelpOfficerArticleDraftQueryVariables = Exact<{
  slug: string;
}>;


export type HelpOfficerArticleDraftQuery = { knowledgeArticleDraft: { slug: string, category: KnowledgeCategory, serviceItems: Array<string>, dutyCategories: Array<string>, zhHans: { title: string, body: string }, zhHant: { title: string, body: string }, en: { title: string, body: string }, versions: Array<{ version: number, effectiveFrom: unknown, editedAt: string, languages: Array<string>, inForce: boolean }> } | null };

export type HelpOfficerArticleSaveMutationVariables = Exact<{
  input: KnowledgeArticleSaveInput;
}>;


export type HelpOfficerArticleSaveMutation = { knowledgeArticleSave:
    | { __typename: 'KnowledgeArticleSaved', savedVersion: number, article: { slug: string, title: string } }
    | { __typename: 'ValidationError', message: string, field: string | null, errors: Array<{ field: string, message: string }> }
   };

export type IdentityMeFragment = { accountId: string, kind: AccountKind, assuranceLevel: number, stepUpValidUntil: string | null, signInMethod: SignInMethod, hasPasskey: boolean, needsTotpConfirmation: boolean, person: { fullName: string, dateOfBirth: unknown, nationality: string, isResident: boolean, documentType: DocumentType, documentNumberMasked: string, documentExpiry: unknown, email: string | null, mobile: string | null } | null, officer: { badgeNumber: string, fullName: string, unit: string, roles: Array<string> } | null, memberships: Array<{ id: string, role: EnterpriseRole, status: MembershipStatus, enterprise: { id: string, name: string, uscc: string } }> };

type IdentityCeremony_AccountError_Fragment = { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode };

type IdentityCeremony_PasskeyCeremony_Fragment = { __typename: 'PasskeyCeremony', challengeId: string, optionsJson: string };

type IdentityCeremony_SignInError_Fragment = { __typename: 'SignInError', message: string, signInCode: IdentityErrorCode };

type IdentityCeremony_TooManyAttempts_Fragment = { __typename: 'TooManyAttempts', message: string, retryAfterSeconds: number };

type IdentityCeremony_ValidationError_Fragment = { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> };

export type IdentityCeremonyFragment =
  | IdentityCeremony_AccountError_Fragment
  | IdentityCeremony_PasskeyCeremony_Fragment
  | IdentityCeremony_SignInError_Fragment
  | IdentityCeremony_TooManyAttempts_Fragment
  | IdentityCeremony_ValidationError_Fragment
;

type IdentitySignInOutcome_AccountError_Fragment = { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode };

type IdentitySignInOutcome_SignInError_Fragment = { __typename: 'SignInError', message: string, signInCode: IdentityErrorCode };

type IdentitySignInOutcome_SignInSuccess_Fragment = { __typename: 'SignInSuccess', me: { accountId: string, kind: AccountKind, assuranceLevel: number, stepUpValidUntil: string | null, signInMethod: SignInMethod, hasPasskey: boolean, needsTotpConfirmation: boolean, person: { fullName: string, dateOfBirth: unknown, nationality: string, isResident: boolean, documentType: DocumentType, documentNumberMasked: string, documentExpiry: unknown, email: string | null, mobile: string | null } | null, officer: { badgeNumber: string, fullName: string, unit: string, roles: Array<string> } | null, memberships: Array<{ id: string, role: EnterpriseRole, status: MembershipStatus, enterprise: { id: string, name: string, uscc: string } }> } };

type IdentitySignInOutcome_TooManyAttempts_Fragment = { __typename: 'TooManyAttempts', message: string, retryAfterSeconds: number };

type IdentitySignInOutcome_ValidationError_Fragment = { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> };

type IdentitySignInOutcome_WebAuthnError_Fragment = { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode };

export type IdentitySignInOutcomeFragment =
  | IdentitySignInOutcome_AccountError_Fragment
  | IdentitySignInOutcome_SignInError_Fragment
  | IdentitySignInOutcome_SignInSuccess_Fragment
  | IdentitySignInOutcome_TooManyAttempts_Fragment
  | IdentitySignInOutcome_ValidationError_Fragment
  | IdentitySignInOutcome_WebAuthnError_Fragment
;

type IdentityOutcome_AccountError_Fragment = { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode };

type IdentityOutcome_IdentityDone_Fragment = { __typename: 'IdentityDone', ok: boolean };

type IdentityOutcome_ValidationError_Fragment = { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> };

type IdentityOutcome_WebAuthnError_Fragment = { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode };

export type IdentityOutcomeFragment =
  | IdentityOutcome_AccountError_Fragment
  | IdentityOutcome_IdentityDone_Fragment
  | IdentityOutcome_ValidationError_Fragment
  | IdentityOutcome_WebAuthnError_Fragment
;

export type IdentityMeQueryVariables = Exact<{ [key: string]: never; }>;


export type IdentityMeQuery = { me: { accountId: string, kind: AccountKind, assuranceLevel: number, stepUpValidUntil: string | null, signInMethod: SignInMethod, hasPasskey: boolean, needsTotpConfirmation: boolean, person: { fullName: string, dateOfBirth: unknown, nationality: string, isResident: boolean, documentType: DocumentType, documentNumberMasked: string, documentExpiry: unknown, email: string | null, mobile: string | null } | null, officer: { badgeNumber: string, fullName: string, unit: string, roles: Array<string> } | null, memberships: Array<{ id: string, role: EnterpriseRole, status: MembershipStatus, enterprise: { id: string, name: string, uscc: string } }> } | null };

export type IdentitySignInStartMutationVariables = Exact<{
  signInName?: string | null | undefined;
}>;


export type IdentitySignInStartMutation = { signInStart:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'PasskeyCeremony', challengeId: string, optionsJson: string }
    | { __typename: 'SignInError', message: string, signInCode: IdentityErrorCode }
    | { __typename: 'TooManyAttempts', message: string, retryAfterSeconds: number }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
   };

export type IdentitySignInFinishMutationVariables = Exact<{
  challengeId: string | number;
  credentialJson: string;
}>;


export type IdentitySignInFinishMutation = { signInFinish:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'SignInError', message: string, signInCode: IdentityErrorCode }
    | { __typename: 'SignInSuccess', me: { accountId: string, kind: AccountKind, assuranceLevel: number, stepUpValidUntil: string | null, signInMethod: SignInMethod, hasPasskey: boolean, needsTotpConfirmation: boolean, person: { fullName: string, dateOfBirth: unknown, nationality: string, isResident: boolean, documentType: DocumentType, documentNumberMasked: string, documentExpiry: unknown, email: string | null, mobile: string | null } | null, officer: { badgeNumber: string, fullName: string, unit: string, roles: Array<string> } | null, memberships: Array<{ id: string, role: EnterpriseRole, status: MembershipStatus, enterprise: { id: string, name: string, uscc: string } }> } }
    | { __typename: 'TooManyAttempts', message: string, retryAfterSeconds: number }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
    | { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode }
   };

export type IdentitySignInWithPasswordMutationVariables = Exact<{
  signInName: string;
  password: string;
  totpCode?: string | null | undefined;
  recoveryCode?: string | null | undefined;
}>;


export type IdentitySignInWithPasswordMutation = { signInWithPassword:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'SignInError', message: string, signInCode: IdentityErrorCode }
    | { __typename: 'SignInSuccess', me: { accountId: string, kind: AccountKind, assuranceLevel: number, stepUpValidUntil: string | null, signInMethod: SignInMethod, hasPasskey: boolean, needsTotpConfirmation: boolean, person: { fullName: string, dateOfBirth: unknown, nationality: string, isResident: boolean, documentType: DocumentType, documentNumberMasked: string, documentExpiry: unknown, email: string | null, mobile: string | null } | null, officer: { badgeNumber: string, fullName: string, unit: string, roles: Array<string> } | null, memberships: Array<{ id: string, role: EnterpriseRole, status: MembershipStatus, enterprise: { id: string, name: string, uscc: string } }> } }
    | { __typename: 'TooManyAttempts', message: string, retryAfterSeconds: number }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
    | { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode }
   };

export type IdentityAccountCreateStartMutationVariables = Exact<{
  input: PersonInput;
}>;


export type IdentityAccountCreateStartMutation = { accountCreateStart:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'PasskeyCeremony', challengeId: string, optionsJson: string }
    | { __typename: 'SignInError', message: string, signInCode: IdentityErrorCode }
    | { __typename: 'TooManyAttempts', message: string, retryAfterSeconds: number }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
   };

export type IdentityAccountCreateFinishMutationVariables = Exact<{
  challengeId: string | number;
  credentialJson: string;
  passkeyName: string;
}>;


export type IdentityAccountCreateFinishMutation = { accountCreateFinish:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'SignInError', message: string, signInCode: IdentityErrorCode }
    | { __typename: 'SignInSuccess', me: { accountId: string, kind: AccountKind, assuranceLevel: number, stepUpValidUntil: string | null, signInMethod: SignInMethod, hasPasskey: boolean, needsTotpConfirmation: boolean, person: { fullName: string, dateOfBirth: unknown, nationality: string, isResident: boolean, documentType: DocumentType, documentNumberMasked: string, documentExpiry: unknown, email: string | null, mobile: string | null } | null, officer: { badgeNumber: string, fullName: string, unit: string, roles: Array<string> } | null, memberships: Array<{ id: string, role: EnterpriseRole, status: MembershipStatus, enterprise: { id: string, name: string, uscc: string } }> } }
    | { __typename: 'TooManyAttempts', message: string, retryAfterSeconds: number }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
    | { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode }
   };

export type IdentityAccountCreateWithPasswordMutationVariables = Exact<{
  input: PersonInput;
  password: string;
}>;


export type IdentityAccountCreateWithPasswordMutation = { accountCreateWithPassword:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'PasswordAccountCreated', totpSecret: string, totpUri: string, me: { accountId: string, kind: AccountKind, assuranceLevel: number, stepUpValidUntil: string | null, signInMethod: SignInMethod, hasPasskey: boolean, needsTotpConfirmation: boolean, person: { fullName: string, dateOfBirth: unknown, nationality: string, isResident: boolean, documentType: DocumentType, documentNumberMasked: string, documentExpiry: unknown, email: string | null, mobile: string | null } | null, officer: { badgeNumber: string, fullName: string, unit: string, roles: Array<string> } | null, memberships: Array<{ id: string, role: EnterpriseRole, status: MembershipStatus, enterprise: { id: string, name: string, uscc: string } }> } }
    | { __typename: 'TooManyAttempts' }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
   };

export type IdentityPendingTotpQueryVariables = Exact<{ [key: string]: never; }>;


export type IdentityPendingTotpQuery = { pendingTotp: { secret: string, uri: string } | null };

export type IdentityTotpConfirmMutationVariables = Exact<{
  code: string;
}>;


export type IdentityTotpConfirmMutation = { totpConfirm:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'SignInError', message: string, signInCode: IdentityErrorCode }
    | { __typename: 'TotpConfirmed', recoveryCodes: Array<string>, me: { accountId: string, kind: AccountKind, assuranceLevel: number, stepUpValidUntil: string | null, signInMethod: SignInMethod, hasPasskey: boolean, needsTotpConfirmation: boolean, person: { fullName: string, dateOfBirth: unknown, nationality: string, isResident: boolean, documentType: DocumentType, documentNumberMasked: string, documentExpiry: unknown, email: string | null, mobile: string | null } | null, officer: { badgeNumber: string, fullName: string, unit: string, roles: Array<string> } | null, memberships: Array<{ id: string, role: EnterpriseRole, status: MembershipStatus, enterprise: { id: string, name: string, uscc: string } }> } }
   };

export type IdentityStepUpStartMutationVariables = Exact<{ [key: string]: never; }>;


export type IdentityStepUpStartMutation = { stepUpStart:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'PasskeyCeremony', challengeId: string, optionsJson: string }
    | { __typename: 'SignInError', message: string, signInCode: IdentityErrorCode }
    | { __typename: 'TooManyAttempts', message: string, retryAfterSeconds: number }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
   };

export type IdentityStepUpFinishMutationVariables = Exact<{
  challengeId: string | number;
  credentialJson: string;
}>;


export type IdentityStepUpFinishMutation = { stepUpFinish:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'StepUpSuccess', validUntil: string }
    | { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode }
   };

export type IdentitySignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type IdentitySignOutMutation = { signOut:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'IdentityDone', ok: boolean }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
    | { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode }
   };

export type IdentitySignOutEverywhereMutationVariables = Exact<{ [key: string]: never; }>;


export type IdentitySignOutEverywhereMutation = { signOutEverywhere:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'IdentityDone', ok: boolean }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
    | { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode }
   };

export type IdentitySessionEndMutationVariables = Exact<{
  sessionId: string | number;
}>;


export type IdentitySessionEndMutation = { sessionEnd:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'IdentityDone', ok: boolean }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
    | { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode }
   };

export type IdentitySecurityQueryVariables = Exact<{ [key: string]: never; }>;


export type IdentitySecurityQuery = { myPasskeys: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, synced: boolean }>, mySessions: Array<{ id: string, current: boolean, createdAt: string, lastSeenAt: string, userAgent: string, signInMethod: SignInMethod }> };

export type IdentityPasskeyAddStartMutationVariables = Exact<{ [key: string]: never; }>;


export type IdentityPasskeyAddStartMutation = { passkeyAddStart:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'PasskeyCeremony', challengeId: string, optionsJson: string }
    | { __typename: 'SignInError', message: string, signInCode: IdentityErrorCode }
    | { __typename: 'TooManyAttempts', message: string, retryAfterSeconds: number }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
   };

export type IdentityPasskeyAddFinishMutationVariables = Exact<{
  challengeId: string | number;
  credentialJson: string;
  name: string;
}>;


export type IdentityPasskeyAddFinishMutation = { passkeyAddFinish:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'IdentityDone', ok: boolean }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
    | { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode }
   };

export type IdentityPasskeyRenameMutationVariables = Exact<{
  passkeyId: string | number;
  name: string;
}>;


export type IdentityPasskeyRenameMutation = { passkeyRename:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'IdentityDone', ok: boolean }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
    | { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode }
   };

export type IdentityPasskeyRevokeMutationVariables = Exact<{
  passkeyId: string | number;
}>;


export type IdentityPasskeyRevokeMutation = { passkeyRevoke:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'IdentityDone', ok: boolean }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
    | { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode }
   };

export type IdentityAccountDeleteMutationVariables = Exact<{ [key: string]: never; }>;


export type IdentityAccountDeleteMutation = { accountDelete:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'IdentityDone', ok: boolean }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
    | { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode }
   };

export type IdentityStepUpWithPasswordMutationVariables = Exact<{
  password: string;
  totpCode: string;
}>;


export type IdentityStepUpWithPasswordMutation = { stepUpWithPassword:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'SignInError', message: string, signInCode: IdentityErrorCode }
    | { __typename: 'StepUpSuccess', validUntil: string }
    | { __typename: 'TooManyAttempts', message: string, retryAfterSeconds: number }
   };

type NotificationsOutcome_NotificationDone_Fragment = { __typename: 'NotificationDone', changed: number };

type NotificationsOutcome_NotificationError_Fragment = { __typename: 'NotificationError', notificationCode: string, message: string, field: string | null };

type NotificationsOutcome_ValidationError_Fragment = { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> };

export type NotificationsOutcomeFragment =
  | NotificationsOutcome_NotificationDone_Fragment
  | NotificationsOutcome_NotificationError_Fragment
  | NotificationsOutcome_ValidationError_Fragment
;

export type NotificationsUnreadCountQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationsUnreadCountQuery = { unreadNotificationCount: number };

export type NotificationsInboxQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  unreadOnly: boolean;
}>;


export type NotificationsInboxQuery = { myNotifications: { unreadCount: number, nodes: Array<{ id: string, type: NotificationType, title: string, body: string, link: string, topic: string, urgency: Urgency, createdAt: string, readAt: string | null, superseded: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type NotificationsMarkReadMutationVariables = Exact<{
  notificationId: string | number;
}>;


export type NotificationsMarkReadMutation = { notificationMarkRead:
    | { __typename: 'NotificationDone', changed: number }
    | { __typename: 'NotificationError', notificationCode: string, message: string, field: string | null }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
   };

export type NotificationsMarkAllReadMutationVariables = Exact<{ [key: string]: never; }>;


export type NotificationsMarkAllReadMutation = { notificationMarkAllRead:
    | { __typename: 'NotificationDone', changed: number }
    | { __typename: 'NotificationError', notificationCode: string, message: string, field: string | null }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
   };

export type NotificationsPushKeyQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationsPushKeyQuery = { serverInfo: { vapidPublicKey: string } };

export type NotificationsPushSaveMutationVariables = Exact<{
  endpoint: string;
  p256dh: string;
  auth: string;
  categories: Array<string> | string;
  device: string;
}>;


export type NotificationsPushSaveMutation = { pushSubscriptionSave:
    | { __typename: 'NotificationDone', changed: number }
    | { __typename: 'NotificationError', notificationCode: string, message: string, field: string | null }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
   };

export type NotificationsPushDeleteMutationVariables = Exact<{
  endpoint: string;
}>;


export type NotificationsPushDeleteMutation = { pushSubscriptionDelete:
    | { __typename: 'NotificationDone', changed: number }
    | { __typename: 'NotificationError', notificationCode: string, message: string, field: string | null }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
   };

export type NotificationsSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationsSettingsQuery = { myNotificationSettings: { quietStart: string | null, quietEnd: string | null, timezone: string, policyCategories: Array<string>, availablePolicyCategories: Array<string>, availablePushCategories: Array<string> } };

export type NotificationsSettingsSaveMutationVariables = Exact<{
  policyCategories: Array<string> | string;
  quietStart?: string | null | undefined;
  quietEnd?: string | null | undefined;
  timezone: string;
}>;


export type NotificationsSettingsSaveMutation = { notificationSettingsSave:
    | { __typename: 'NotificationDone', changed: number }
    | { __typename: 'NotificationError', notificationCode: string, message: string, field: string | null }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
   };

export type NotificationsPublishContextQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationsPublishContextQuery = { myNotificationSettings: { availablePolicyCategories: Array<string> }, serviceItems: { nodes: Array<{ code: string, name: { zhHans: string, zhHant: string, en: string } }> } };

export type NotificationsPublishMutationVariables = Exact<{
  input: PolicyNoticeInput;
}>;


export type NotificationsPublishMutation = { policyNoticePublish:
    | { __typename: 'PolicyNoticePublished', id: string, category: string }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
   };

export type OfficerEnrolStartMutationVariables = Exact<{
  badgeNumber: string;
  code: string;
}>;


export type OfficerEnrolStartMutation = { officerEnrolStart:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'PasskeyCeremony', challengeId: string, optionsJson: string }
    | { __typename: 'SignInError', message: string, signInCode: IdentityErrorCode }
    | { __typename: 'TooManyAttempts', message: string, retryAfterSeconds: number }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
   };

export type OfficerEnrolFinishMutationVariables = Exact<{
  challengeId: string | number;
  credentialJson: string;
  passkeyName: string;
}>;


export type OfficerEnrolFinishMutation = { officerEnrolFinish:
    | { __typename: 'AccountError', message: string, field: string | null, accountCode: IdentityErrorCode }
    | { __typename: 'SignInError', message: string, signInCode: IdentityErrorCode }
    | { __typename: 'SignInSuccess', me: { accountId: string, kind: AccountKind, assuranceLevel: number, stepUpValidUntil: string | null, signInMethod: SignInMethod, hasPasskey: boolean, needsTotpConfirmation: boolean, person: { fullName: string, dateOfBirth: unknown, nationality: string, isResident: boolean, documentType: DocumentType, documentNumberMasked: string, documentExpiry: unknown, email: string | null, mobile: string | null } | null, officer: { badgeNumber: string, fullName: string, unit: string, roles: Array<string> } | null, memberships: Array<{ id: string, role: EnterpriseRole, status: MembershipStatus, enterprise: { id: string, name: string, uscc: string } }> } }
    | { __typename: 'TooManyAttempts', message: string, retryAfterSeconds: number }
    | { __typename: 'ValidationError', message: string, field: string | null, validationCode: ValidationErrorCode, errors: Array<{ field: string, message: string, validationCode: ValidationErrorCode }> }
    | { __typename: 'WebAuthnError', message: string, webAuthnCode: IdentityErrorCode }
   };

export type PaymentIntentFieldsFragment = { id: string, number: string, state: IntentState, basis: Basis, amountFen: number, refundedFen: number, codeUrl: string, createdAt: string, expiresAt: string, succeededAt: string | null };

export type DeclarationPaymentFieldsFragment = { number: string, state: SettlementState, basis: Basis, final: boolean, dueFen: number, paidFen: number, balanceFen: number, refundPendingFen: number, receipt: string | null, openIntent: { id: string, number: string, state: IntentState, basis: Basis, amountFen: number, refundedFen: number, codeUrl: string, createdAt: string, expiresAt: string, succeededAt: string | null } | null, intents: Array<{ id: string, number: string, state: IntentState, basis: Basis, amountFen: number, refundedFen: number, codeUrl: string, createdAt: string, expiresAt: string, succeededAt: string | null }> };

export type PaymentOfDeclarationQueryVariables = Exact<{
  declarationId: string | number;
}>;


export type PaymentOfDeclarationQuery = { declarationPayment: { number: string, state: SettlementState, basis: Basis, final: boolean, dueFen: number, paidFen: number, balanceFen: number, refundPendingFen: number, receipt: string | null, openIntent: { id: string, number: string, state: IntentState, basis: Basis, amountFen: number, refundedFen: number, codeUrl: string, createdAt: string, expiresAt: string, succeededAt: string | null } | null, intents: Array<{ id: string, number: string, state: IntentState, basis: Basis, amountFen: number, refundedFen: number, codeUrl: string, createdAt: string, expiresAt: string, succeededAt: string | null }> } | null };

export type PaymentStartMutationVariables = Exact<{
  declarationId: string | number;
  idempotencyKey: string;
}>;


export type PaymentStartMutation = { paymentStart:
    | { __typename: 'PaymentError', message: string, paymentCode: PaymentErrorCode }
    | { __typename: 'PaymentStarted', replayed: boolean, intent: { id: string, number: string, state: IntentState, basis: Basis, amountFen: number, refundedFen: number, codeUrl: string, createdAt: string, expiresAt: string, succeededAt: string | null } }
    | { __typename: 'ValidationError', message: string }
   };

export type PaymentReconciliationQueryVariables = Exact<{ [key: string]: never; }>;


export type PaymentReconciliationQuery = { paymentReconciliation: { unknown: Array<{ id: string, number: string, state: IntentState, basis: Basis, amountFen: number, refundedFen: number, codeUrl: string, createdAt: string, expiresAt: string, succeededAt: string | null }>, mismatches: Array<{ orderNumber: string, outcome: string, receivedAt: string }>, refundsPending: Array<{ id: string, number: string, amountFen: number, reason: RefundReason, createdAt: string }>, refundsFailed: Array<{ id: string, number: string, amountFen: number, reason: RefundReason, createdAt: string }> } };

export type ApplicationFeePaymentFieldsFragment = { applicationId: string, number: string, state: FeeState, feeDue: FeeDue | null, dueFen: number, paidFen: number, receipt: string | null, receiptOrder: string | null, openIntent: { id: string, number: string, state: IntentState, basis: Basis, amountFen: number, refundedFen: number, codeUrl: string, createdAt: string, expiresAt: string, succeededAt: string | null } | null, intents: Array<{ id: string, number: string, state: IntentState, basis: Basis, amountFen: number, refundedFen: number, codeUrl: string, createdAt: string, expiresAt: string, succeededAt: string | null }> };

export type PaymentOfApplicationFeeQueryVariables = Exact<{
  applicationId: string | number;
}>;


export type PaymentOfApplicationFeeQuery = { applicationFeePayment: { applicationId: string, number: string, state: FeeState, feeDue: FeeDue | null, dueFen: number, paidFen: number, receipt: string | null, receiptOrder: string | null, openIntent: { id: string, number: string, state: IntentState, basis: Basis, amountFen: number, refundedFen: number, codeUrl: string, createdAt: string, expiresAt: string, succeededAt: string | null } | null, intents: Array<{ id: string, number: string, state: IntentState, basis: Basis, amountFen: number, refundedFen: number, codeUrl: string, createdAt: string, expiresAt: string, succeededAt: string | null }> } | null };

export type PaymentOfApplicationFeeForReviewQueryVariables = Exact<{
  applicationId: string | number;
}>;


export type PaymentOfApplicationFeeForReviewQuery = { applicationFeePaymentForReview: { state: FeeState, dueFen: number, paidFen: number, receiptOrder: string | null } | null };

export type PaymentApplicationFeeStartMutationVariables = Exact<{
  applicationId: string | number;
  idempotencyKey: string;
}>;


export type PaymentApplicationFeeStartMutation = { applicationFeePaymentStart:
    | { __typename: 'PaymentError', message: string, paymentCode: PaymentErrorCode }
    | { __typename: 'PaymentStarted', replayed: boolean, intent: { id: string, number: string, state: IntentState, basis: Basis, amountFen: number, refundedFen: number, codeUrl: string, createdAt: string, expiresAt: string, succeededAt: string | null } }
    | { __typename: 'ValidationError', message: string }
   };

export type PaymentRequeryMutationVariables = Exact<{
  intentId: string | number;
}>;


export type PaymentRequeryMutation = { paymentRequery:
    | { __typename: 'PaymentError', message: string, paymentCode: PaymentErrorCode }
    | { __typename: 'PaymentRequeried', outcome: string, intent: { id: string, number: string, state: IntentState, basis: Basis, amountFen: number, refundedFen: number, codeUrl: string, createdAt: string, expiresAt: string, succeededAt: string | null } }
    | { __typename: 'ValidationError', message: string }
   };

export type PaymentRefundRetryMutationVariables = Exact<{
  refundId: string | number;
}>;


export type PaymentRefundRetryMutation = { paymentRefundRetry:
    | { __typename: 'PaymentError', message: string, paymentCode: PaymentErrorCode }
    | { __typename: 'PaymentRefundRetried', refund: { number: string, state: RefundState } }
    | { __typename: 'ValidationError', message: string }
   };

export type ReviewsTaskFragment = { draftJson: string, claimedByMe: boolean, review: { id: string, level: number, department: string, status: ReviewStatus, revision: number }, application: { id: string, number: string, itemCode: string, status: ApplicationStatus, revision: number, submittedAt: string, dueDate: unknown, daysLeft: number, paused: boolean, itemName: { zhHans: string, zhHant: string, en: string }, form: Array<{ element: string, value: string }>, materials: Array<{ material: string, documentId: string }> }, changes: { fields: Array<string>, materials: Array<string> } };

type ReviewsResult_ApplicationDone_Fragment = { __typename: 'ApplicationDone', applicationId: string, status: ApplicationStatus };

type ReviewsResult_ApplicationError_Fragment = { __typename: 'ApplicationError', applicationCode: ApplicationErrorCode, message: string, field: string | null };

type ReviewsResult_ValidationError_Fragment = { __typename: 'ValidationError', message: string, errors: Array<{ field: string, code: ValidationErrorCode, message: string }> };

export type ReviewsResultFragment =
  | ReviewsResult_ApplicationDone_Fragment
  | ReviewsResult_ApplicationError_Fragment
  | ReviewsResult_ValidationError_Fragment
;

export type ReviewsQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type ReviewsQueueQuery = { reviewQueue: Array<{ draftJson: string, claimedByMe: boolean, review: { id: string, level: number, department: string, status: ReviewStatus, revision: number }, application: { id: string, number: string, itemCode: string, status: ApplicationStatus, revision: number, submittedAt: string, dueDate: unknown, daysLeft: number, paused: boolean, itemName: { zhHans: string, zhHant: string, en: string }, form: Array<{ element: string, value: string }>, materials: Array<{ material: string, documentId: string }> }, changes: { fields: Array<string>, materials: Array<string> } }> };

export type ReviewsDictionaryQueryVariables = Exact<{ [key: string]: never; }>;


export type ReviewsDictionaryQuery = { materialTypes: Array<{ code: string, originalOnSite: boolean, name: { zhHans: string, zhHant: string, en: string } }>, dataElements: Array<{ code: string, name: { zhHans: string, zhHant: string, en: string } }> };

export type ReviewsClaimMutationVariables = Exact<{
  reviewId: string | number;
}>;


export type ReviewsClaimMutation = { reviewClaim:
    | { __typename: 'ApplicationDone', applicationId: string, status: ApplicationStatus }
    | { __typename: 'ApplicationError', applicationCode: ApplicationErrorCode, message: string, field: string | null }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, code: ValidationErrorCode, message: string }> }
   };

export type ReviewsReleaseMutationVariables = Exact<{
  reviewId: string | number;
}>;


export type ReviewsReleaseMutation = { reviewRelease:
    | { __typename: 'ApplicationDone', applicationId: string, status: ApplicationStatus }
    | { __typename: 'ApplicationError', applicationCode: ApplicationErrorCode, message: string, field: string | null }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, code: ValidationErrorCode, message: string }> }
   };

export type ReviewsDraftSaveMutationVariables = Exact<{
  reviewId: string | number;
  draftJson: string;
}>;


export type ReviewsDraftSaveMutation = { reviewDraftSave:
    | { __typename: 'ApplicationDone', applicationId: string, status: ApplicationStatus }
    | { __typename: 'ApplicationError', applicationCode: ApplicationErrorCode, message: string, field: string | null }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, code: ValidationErrorCode, message: string }> }
   };

export type ReviewsCorrectionsSendMutationVariables = Exact<{
  reviewId: string | number;
  corrections: Array<CorrectionItemInput> | CorrectionItemInput;
}>;


export type ReviewsCorrectionsSendMutation = { reviewCorrectionsSend:
    | { __typename: 'ApplicationDone', applicationId: string, status: ApplicationStatus }
    | { __typename: 'ApplicationError', applicationCode: ApplicationErrorCode, message: string, field: string | null }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, code: ValidationErrorCode, message: string }> }
   };

export type ReviewsDecideMutationVariables = Exact<{
  reviewId: string | number;
  passed: boolean;
}>;


export type ReviewsDecideMutation = { reviewDecide:
    | { __typename: 'ApplicationDone', applicationId: string, status: ApplicationStatus }
    | { __typename: 'ApplicationError', applicationCode: ApplicationErrorCode, message: string, field: string | null }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, code: ValidationErrorCode, message: string }> }
   };

export type ReviewsQueueEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ReviewsQueueEventsSubscription = { reviewQueueEvents: { applicationNumber: string, status: ApplicationStatus } };

export type ServicesTextFragment = { zhHans: string, zhHant: string, en: string };

export type ServicesItemSummaryFragment = { code: string, category: ServiceCategory, handlingMode: HandlingMode, timeLimitDays: number, name: { zhHans: string, zhHant: string, en: string }, description: { zhHans: string, zhHant: string, en: string } };

export type ServicesItemFullFragment = { code: string, version: number, category: ServiceCategory, handlingMode: HandlingMode, departments: Array<string>, reviewLevels: number, timeLimitDays: number, name: { zhHans: string, zhHant: string, en: string }, description: { zhHans: string, zhHant: string, en: string }, legalBasis: { zhHans: string, zhHant: string, en: string }, conditions: { zhHans: string, zhHant: string, en: string }, fees: { zhHans: string, zhHant: string, en: string }, fee: { amountFen: number, due: FeeDue } | null, onsiteReason: { zhHans: string, zhHant: string, en: string } | null, form: Array<{ element: string, required: boolean }>, materials: Array<{ material: string, required: boolean }> };

export type ServicesMaterialTypeFragment = { code: string, acceptedFormats: Array<string>, maxBytes: number, originalOnSite: boolean, reusable: boolean, requiresValidity: boolean, name: { zhHans: string, zhHant: string, en: string } };

export type ServicesDataElementFragment = { code: string, format: string, ruleJson: string, name: { zhHans: string, zhHant: string, en: string }, definition: { zhHans: string, zhHant: string, en: string } };

export type ServicesDocumentFragment = { id: string, materialCode: string, label: string, format: FileFormat, issueDate: unknown, expiryDate: unknown, expired: boolean, url: string, createdAt: string };

export type ServicesApplicationFragment = { id: string, number: string, itemCode: string, status: ApplicationStatus, revision: number, submittedAt: string, dueDate: unknown, daysLeft: number, paused: boolean, rating: number | null, appointmentNext: boolean, itemName: { zhHans: string, zhHant: string, en: string }, form: Array<{ element: string, value: string }>, materials: Array<{ material: string, documentId: string }>, corrections: Array<{ target: string, problem: string, action: string, department: string }>, timeline: Array<{ at: string, kind: string, actor: string }> };

type ServicesResult_ApplicationDone_Fragment = { __typename: 'ApplicationDone', applicationId: string, status: ApplicationStatus };

type ServicesResult_ApplicationError_Fragment = { __typename: 'ApplicationError', applicationCode: ApplicationErrorCode, message: string, field: string | null };

type ServicesResult_ValidationError_Fragment = { __typename: 'ValidationError', message: string, errors: Array<{ field: string, code: ValidationErrorCode, message: string }> };

export type ServicesResultFragment =
  | ServicesResult_ApplicationDone_Fragment
  | ServicesResult_ApplicationError_Fragment
  | ServicesResult_ValidationError_Fragment
;

export type ServicesCatalogueQueryVariables = Exact<{
  search?: string | null | undefined;
  category?: ServiceCategory | null | undefined;
  handlingMode?: HandlingMode | null | undefined;
  after?: string | null | undefined;
}>;


export type ServicesCatalogueQuery = { serviceItems: { nodes: Array<{ code: string, category: ServiceCategory, handlingMode: HandlingMode, timeLimitDays: number, name: { zhHans: string, zhHant: string, en: string }, description: { zhHans: string, zhHant: string, en: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ServicesItemQueryVariables = Exact<{
  code: string;
}>;


export type ServicesItemQuery = { serviceItem: { code: string, version: number, category: ServiceCategory, handlingMode: HandlingMode, departments: Array<string>, reviewLevels: number, timeLimitDays: number, name: { zhHans: string, zhHant: string, en: string }, description: { zhHans: string, zhHant: string, en: string }, legalBasis: { zhHans: string, zhHant: string, en: string }, conditions: { zhHans: string, zhHant: string, en: string }, fees: { zhHans: string, zhHant: string, en: string }, fee: { amountFen: number, due: FeeDue } | null, onsiteReason: { zhHans: string, zhHant: string, en: string } | null, form: Array<{ element: string, required: boolean }>, materials: Array<{ material: string, required: boolean }> } | null, materialTypes: Array<{ code: string, acceptedFormats: Array<string>, maxBytes: number, originalOnSite: boolean, reusable: boolean, requiresValidity: boolean, name: { zhHans: string, zhHant: string, en: string } }>, dataElements: Array<{ code: string, format: string, ruleJson: string, name: { zhHans: string, zhHant: string, en: string }, definition: { zhHans: string, zhHant: string, en: string } }> };

export type ServicesApplyContextQueryVariables = Exact<{ [key: string]: never; }>;


export type ServicesApplyContextQuery = { me: { person: { fullName: string, mobile: string | null, email: string | null } | null } | null, myApplications: Array<{ id: string, itemCode: string, submittedAt: string, form: Array<{ element: string, value: string }> }>, myDocuments: { nodes: Array<{ id: string, materialCode: string, label: string, format: FileFormat, issueDate: unknown, expiryDate: unknown, expired: boolean, url: string, createdAt: string }> }, myApplicationDrafts: Array<{ itemCode: string, version: number, dataJson: string, updatedAt: string, device: string, itemName: { zhHans: string, zhHant: string, en: string } | null }> };

export type ServicesApplicationOneQueryVariables = Exact<{
  id: string | number;
}>;


export type ServicesApplicationOneQuery = { application: { id: string, number: string, itemCode: string, status: ApplicationStatus, revision: number, submittedAt: string, dueDate: unknown, daysLeft: number, paused: boolean, rating: number | null, appointmentNext: boolean, itemName: { zhHans: string, zhHant: string, en: string }, form: Array<{ element: string, value: string }>, materials: Array<{ material: string, documentId: string }>, corrections: Array<{ target: string, problem: string, action: string, department: string }>, timeline: Array<{ at: string, kind: string, actor: string }> } | null };

export type ServicesMyApplicationsQueryVariables = Exact<{ [key: string]: never; }>;


export type ServicesMyApplicationsQuery = { myApplications: Array<{ id: string, number: string, itemCode: string, status: ApplicationStatus, dueDate: unknown, daysLeft: number, paused: boolean, itemName: { zhHans: string, zhHant: string, en: string } }> };

export type ServicesApplicationSubmitMutationVariables = Exact<{
  itemCode: string;
  formData: Array<FormValueInput> | FormValueInput;
  materials: Array<MaterialRefInput> | MaterialRefInput;
  idempotencyKey: string;
}>;


export type ServicesApplicationSubmitMutation = { applicationSubmit:
    | { __typename: 'ApplicationDone', applicationId: string, status: ApplicationStatus }
    | { __typename: 'ApplicationError', applicationCode: ApplicationErrorCode, message: string, field: string | null }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, code: ValidationErrorCode, message: string }> }
   };

export type ServicesApplicationResubmitMutationVariables = Exact<{
  applicationId: string | number;
  formData: Array<FormValueInput> | FormValueInput;
  materials: Array<MaterialRefInput> | MaterialRefInput;
}>;


export type ServicesApplicationResubmitMutation = { applicationResubmit:
    | { __typename: 'ApplicationDone', applicationId: string, status: ApplicationStatus }
    | { __typename: 'ApplicationError', applicationCode: ApplicationErrorCode, message: string, field: string | null }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, code: ValidationErrorCode, message: string }> }
   };

export type ServicesApplicationRateMutationVariables = Exact<{
  applicationId: string | number;
  rating: number;
  comment: string;
}>;


export type ServicesApplicationRateMutation = { applicationRate:
    | { __typename: 'ApplicationDone', applicationId: string, status: ApplicationStatus }
    | { __typename: 'ApplicationError', applicationCode: ApplicationErrorCode, message: string, field: string | null }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, code: ValidationErrorCode, message: string }> }
   };

export type ServicesApplicationWithdrawMutationVariables = Exact<{
  applicationId: string | number;
}>;


export type ServicesApplicationWithdrawMutation = { applicationWithdraw:
    | { __typename: 'ApplicationDone', applicationId: string, status: ApplicationStatus }
    | { __typename: 'ApplicationError', applicationCode: ApplicationErrorCode, message: string, field: string | null }
    | { __typename: 'ValidationError', message: string, errors: Array<{ field: string, code: ValidationErrorCode, message: string }> }
   };

export type ServicesServerDraftFragment = { itemCode: string, version: number, dataJson: string, updatedAt: string, device: string, itemName: { zhHans: string, zhHant: string, en: string } | null };

export type ServicesMyDraftsQueryVariables = Exact<{ [key: string]: never; }>;


export type ServicesMyDraftsQuery = { myApplicationDrafts: Array<{ itemCode: string, version: number, dataJson: string, updatedAt: string, device: string, itemName: { zhHans: string, zhHant: string, en: string } | null }> };

export type ServicesDraftSaveMutationVariables = Exact<{
  itemCode: string;
  baseVersion: number;
  dataJson: string;
  device: string;
}>;


export type ServicesDraftSaveMutation = { applicationDraftSave:
    | { __typename: 'ApplicationDraftConflictError', serverVersion: number, serverDataJson: string, updatedAt: string, device: string }
    | { __typename: 'ApplicationDraftSaved', draft: { version: number } }
    | { __typename: 'ApplicationError', applicationCode: ApplicationErrorCode, message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type ServicesMaterialAdminQueryVariables = Exact<{ [key: string]: never; }>;


export type ServicesMaterialAdminQuery = { materialTypes: Array<{ code: string, acceptedFormats: Array<string>, maxBytes: number, originalOnSite: boolean, reusable: boolean, requiresValidity: boolean, name: { zhHans: string, zhHant: string, en: string } }> };

export type ServicesMaterialTypeSaveMutationVariables = Exact<{
  code: string;
  input: MaterialTypeInput;
}>;


export type ServicesMaterialTypeSaveMutation = { materialTypeSave:
    | { __typename: 'MaterialTypeSaved', created: boolean, material: { code: string, acceptedFormats: Array<string>, maxBytes: number, originalOnSite: boolean, reusable: boolean, requiresValidity: boolean, name: { zhHans: string, zhHant: string, en: string } }, itemsRepublished: Array<{ code: string, version: number, name: { zhHans: string, zhHant: string, en: string } }> }
    | { __typename: 'ValidationError', message: string, field: string | null, errors: Array<{ field: string, message: string }> }
   };

export type ServicesItemAdminQueryVariables = Exact<{ [key: string]: never; }>;


export type ServicesItemAdminQuery = { serviceItems: { nodes: Array<{ code: string, version: number, category: ServiceCategory, handlingMode: HandlingMode, departments: Array<string>, reviewLevels: number, timeLimitDays: number, name: { zhHans: string, zhHant: string, en: string }, description: { zhHans: string, zhHant: string, en: string }, legalBasis: { zhHans: string, zhHant: string, en: string }, conditions: { zhHans: string, zhHant: string, en: string }, fees: { zhHans: string, zhHant: string, en: string }, fee: { amountFen: number, due: FeeDue } | null, onsiteReason: { zhHans: string, zhHant: string, en: string } | null, form: Array<{ element: string, required: boolean }>, materials: Array<{ material: string, required: boolean }> }> }, materialTypes: Array<{ code: string, acceptedFormats: Array<string>, maxBytes: number, originalOnSite: boolean, reusable: boolean, requiresValidity: boolean, name: { zhHans: string, zhHant: string, en: string } }> };

export type ServicesItemUpdateMutationVariables = Exact<{
  code: string;
  input: ServiceItemUpdateInput;
}>;


export type ServicesItemUpdateMutation = { serviceItemUpdate:
    | { __typename: 'ServiceItemUpdated', item: { code: string, version: number, category: ServiceCategory, handlingMode: HandlingMode, departments: Array<string>, reviewLevels: number, timeLimitDays: number, name: { zhHans: string, zhHant: string, en: string }, description: { zhHans: string, zhHant: string, en: string }, legalBasis: { zhHans: string, zhHant: string, en: string }, conditions: { zhHans: string, zhHant: string, en: string }, fees: { zhHans: string, zhHant: string, en: string }, fee: { amountFen: number, due: FeeDue } | null, onsiteReason: { zhHans: string, zhHant: string, en: string } | null, form: Array<{ element: string, required: boolean }>, materials: Array<{ material: string, required: boolean }> } }
    | { __typename: 'ValidationError', message: string, field: string | null, errors: Array<{ field: string, message: string }> }
   };

export type TransparencyDataAccessQueryVariables = Exact<{ [key: string]: never; }>;


export type TransparencyDataAccessQuery = { myDataAccess: Array<{ eventId: string, kind: DataRecordKind, recordId: string, label: string, operation: string, outcome: string, officerUnit: string, occurredAt: string, sealed: boolean }> };

export type TransparencyDataAccessProofQueryVariables = Exact<{
  eventId: string | number;
}>;


export type TransparencyDataAccessProofQuery = { myDataAccessProof: string | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AppointmentsTextFragmentDoc = new TypedDocumentString(`
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}
    `, {"fragmentName":"AppointmentsText"}) as unknown as TypedDocumentString<AppointmentsTextFragment, unknown>;
export const AppointmentsSiteFragmentDoc = new TypedDocumentString(`
    fragment AppointmentsSite on AppointmentSite {
  id
  code
  name {
    ...AppointmentsText
  }
  address {
    ...AppointmentsText
  }
  latitude
  longitude
  timezone
  phone
  accessibility {
    ...AppointmentsText
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}`, {"fragmentName":"AppointmentsSite"}) as unknown as TypedDocumentString<AppointmentsSiteFragment, unknown>;
export const AppointmentsBookingFragmentDoc = new TypedDocumentString(`
    fragment AppointmentsBooking on Booking {
  id
  number
  status
  itemCode
  startsAt
  endsAt
  applicationId
  applicationNumber
  credential
  calendarIcs
  offerExpiresAt
  offerAfterClosure
  queueNumber
  windowNumber
  lateMinutes
  checkedInAt
  site {
    ...AppointmentsSite
  }
  directions {
    address {
      ...AppointmentsText
    }
    latitude
    longitude
    mapUri
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment AppointmentsSite on AppointmentSite {
  id
  code
  name {
    ...AppointmentsText
  }
  address {
    ...AppointmentsText
  }
  latitude
  longitude
  timezone
  phone
  accessibility {
    ...AppointmentsText
  }
}`, {"fragmentName":"AppointmentsBooking"}) as unknown as TypedDocumentString<AppointmentsBookingFragment, unknown>;
export const AppointmentsSlotFragmentDoc = new TypedDocumentString(`
    fragment AppointmentsSlot on AppointmentSlot {
  id
  siteId
  itemCode
  startsAt
  endsAt
  seatsLeft
}
    `, {"fragmentName":"AppointmentsSlot"}) as unknown as TypedDocumentString<AppointmentsSlotFragment, unknown>;
export const AppointmentsErrorFragmentDoc = new TypedDocumentString(`
    fragment AppointmentsError on AppointmentError {
  appointmentCode: code
  message
  field
  retryAt
}
    `, {"fragmentName":"AppointmentsError"}) as unknown as TypedDocumentString<AppointmentsErrorFragment, unknown>;
export const AppointmentsValidationFragmentDoc = new TypedDocumentString(`
    fragment AppointmentsValidation on ValidationError {
  message
  errors {
    field
    message
  }
}
    `, {"fragmentName":"AppointmentsValidation"}) as unknown as TypedDocumentString<AppointmentsValidationFragment, unknown>;
export const AppointmentsCreateResultFragmentDoc = new TypedDocumentString(`
    fragment AppointmentsCreateResult on BookingCreateResult {
  __typename
  ... on BookingSuccess {
    replayed
    booking {
      ...AppointmentsBooking
    }
  }
  ... on SlotFullError {
    message
    alternatives {
      ...AppointmentsSlot
    }
  }
  ... on AppointmentError {
    ...AppointmentsError
  }
  ... on ValidationError {
    ...AppointmentsValidation
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment AppointmentsSite on AppointmentSite {
  id
  code
  name {
    ...AppointmentsText
  }
  address {
    ...AppointmentsText
  }
  latitude
  longitude
  timezone
  phone
  accessibility {
    ...AppointmentsText
  }
}
fragment AppointmentsSlot on AppointmentSlot {
  id
  siteId
  itemCode
  startsAt
  endsAt
  seatsLeft
}
fragment AppointmentsBooking on Booking {
  id
  number
  status
  itemCode
  startsAt
  endsAt
  applicationId
  applicationNumber
  credential
  calendarIcs
  offerExpiresAt
  offerAfterClosure
  queueNumber
  windowNumber
  lateMinutes
  checkedInAt
  site {
    ...AppointmentsSite
  }
  directions {
    address {
      ...AppointmentsText
    }
    latitude
    longitude
    mapUri
  }
}
fragment AppointmentsError on AppointmentError {
  appointmentCode: code
  message
  field
  retryAt
}
fragment AppointmentsValidation on ValidationError {
  message
  errors {
    field
    message
  }
}`, {"fragmentName":"AppointmentsCreateResult"}) as unknown as TypedDocumentString<AppointmentsCreateResultFragment, unknown>;
export const AppointmentsChangeResultFragmentDoc = new TypedDocumentString(`
    fragment AppointmentsChangeResult on BookingChangeResult {
  __typename
  ... on BookingChanged {
    booking {
      ...AppointmentsBooking
    }
  }
  ... on AppointmentError {
    ...AppointmentsError
  }
  ... on ValidationError {
    ...AppointmentsValidation
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment AppointmentsSite on AppointmentSite {
  id
  code
  name {
    ...AppointmentsText
  }
  address {
    ...AppointmentsText
  }
  latitude
  longitude
  timezone
  phone
  accessibility {
    ...AppointmentsText
  }
}
fragment AppointmentsBooking on Booking {
  id
  number
  status
  itemCode
  startsAt
  endsAt
  applicationId
  applicationNumber
  credential
  calendarIcs
  offerExpiresAt
  offerAfterClosure
  queueNumber
  windowNumber
  lateMinutes
  checkedInAt
  site {
    ...AppointmentsSite
  }
  directions {
    address {
      ...AppointmentsText
    }
    latitude
    longitude
    mapUri
  }
}
fragment AppointmentsError on AppointmentError {
  appointmentCode: code
  message
  field
  retryAt
}
fragment AppointmentsValidation on ValidationError {
  message
  errors {
    field
    message
  }
}`, {"fragmentName":"AppointmentsChangeResult"}) as unknown as TypedDocumentString<AppointmentsChangeResultFragment, unknown>;
export const AppointmentsWaitlistEntryFragmentDoc = new TypedDocumentString(`
    fragment AppointmentsWaitlistEntry on WaitlistEntryInfo {
  id
  itemCode
  siteId
  earlierThan
  bookingId
  status
  offeredBookingId
  createdAt
}
    `, {"fragmentName":"AppointmentsWaitlistEntry"}) as unknown as TypedDocumentString<AppointmentsWaitlistEntryFragment, unknown>;
export const AppointmentsDayBookingFragmentDoc = new TypedDocumentString(`
    fragment AppointmentsDayBooking on DayBooking {
  id
  number
  status
  itemCode
  startsAt
  endsAt
  personName
  applicationId
  applicationNumber
  queueNumber
  windowNumber
  lateMinutes
  checkedInAt
  calledAt
}
    `, {"fragmentName":"AppointmentsDayBooking"}) as unknown as TypedDocumentString<AppointmentsDayBookingFragment, unknown>;
export const DeclarationEstimateFragmentDoc = new TypedDocumentString(`
    fragment DeclarationEstimate on DutyEstimate {
  dutyCny
  valueCny
  taxableCny
  channel
  reasons
  ruleSetVersion
  ratesDate
  lines {
    articleKey
    travellerKey
    category
    declaredCategory
    valueCny
    allowanceUsedCny
    unitsExempt
    taxableCny
    rate
    dutyCny
    rule
    legalBasis
  }
  travellers {
    travellerKey
    allowanceCny
    allowanceWithDutyFreeCny
    allowanceUsedCny
    valueCny
    taxableCny
    dutyCny
    reasons
  }
}
    `, {"fragmentName":"DeclarationEstimate"}) as unknown as TypedDocumentString<DeclarationEstimateFragment, unknown>;
export const DeclarationFullFragmentDoc = new TypedDocumentString(`
    fragment DeclarationFull on Declaration {
  id
  number
  version
  status
  direction
  portCode
  travelMode
  travelNumber
  scheduledAt
  validFrom
  validUntil
  travellers {
    key
    fullName
    documentType
    documentNumber
    dateOfBirth
    isResident
    consentStatement
  }
  articles {
    key
    traveller
    categoryCode
    description
    quantity
    unitValue
    currency
    unitMeasure
    indivisible
    takenOutAgain
    dutyFreeShop
    photo {
      documentId
      format
      mediaType
      url
    }
  }
  cash {
    traveller
    currency
    amount
  }
  restrictedYes
  estimate {
    ...DeclarationEstimate
  }
  credential
  submittedAt
  outcome {
    kind
    dutyAssessed
    reason
    receiptNumber
    recordedAt
    observedAt
  }
}
    fragment DeclarationEstimate on DutyEstimate {
  dutyCny
  valueCny
  taxableCny
  channel
  reasons
  ruleSetVersion
  ratesDate
  lines {
    articleKey
    travellerKey
    category
    declaredCategory
    valueCny
    allowanceUsedCny
    unitsExempt
    taxableCny
    rate
    dutyCny
    rule
    legalBasis
  }
  travellers {
    travellerKey
    allowanceCny
    allowanceWithDutyFreeCny
    allowanceUsedCny
    valueCny
    taxableCny
    dutyCny
    reasons
  }
}`, {"fragmentName":"DeclarationFull"}) as unknown as TypedDocumentString<DeclarationFullFragment, unknown>;
export const DeclarationSubmitOutcomeFragmentDoc = new TypedDocumentString(`
    fragment DeclarationSubmitOutcome on DeclarationSubmitResult {
  __typename
  ... on DeclarationSubmitSuccess {
    replayed
    declaration {
      ...DeclarationFull
    }
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on DeclarationError {
    declarationCode: code
    message
    field
  }
}
    fragment DeclarationEstimate on DutyEstimate {
  dutyCny
  valueCny
  taxableCny
  channel
  reasons
  ruleSetVersion
  ratesDate
  lines {
    articleKey
    travellerKey
    category
    declaredCategory
    valueCny
    allowanceUsedCny
    unitsExempt
    taxableCny
    rate
    dutyCny
    rule
    legalBasis
  }
  travellers {
    travellerKey
    allowanceCny
    allowanceWithDutyFreeCny
    allowanceUsedCny
    valueCny
    taxableCny
    dutyCny
    reasons
  }
}
fragment DeclarationFull on Declaration {
  id
  number
  version
  status
  direction
  portCode
  travelMode
  travelNumber
  scheduledAt
  validFrom
  validUntil
  travellers {
    key
    fullName
    documentType
    documentNumber
    dateOfBirth
    isResident
    consentStatement
  }
  articles {
    key
    traveller
    categoryCode
    description
    quantity
    unitValue
    currency
    unitMeasure
    indivisible
    takenOutAgain
    dutyFreeShop
    photo {
      documentId
      format
      mediaType
      url
    }
  }
  cash {
    traveller
    currency
    amount
  }
  restrictedYes
  estimate {
    ...DeclarationEstimate
  }
  credential
  submittedAt
  outcome {
    kind
    dutyAssessed
    reason
    receiptNumber
    recordedAt
    observedAt
  }
}`, {"fragmentName":"DeclarationSubmitOutcome"}) as unknown as TypedDocumentString<DeclarationSubmitOutcomeFragment, unknown>;
export const FairDrawFragmentDoc = new TypedDocumentString(`
    fragment FairDraw on AppointmentDraw {
  id
  siteId
  itemCode
  itemName {
    zhHans
    zhHant
    en
  }
  siteName {
    zhHans
    zhHant
    en
  }
  slotsFrom
  slotsTo
  closesAt
  drawn
  seed
  entrantsDigest
  drawnAt
  entryIds
}
    `, {"fragmentName":"FairDraw"}) as unknown as TypedDocumentString<FairDrawFragment, unknown>;
export const FairRuleFragmentDoc = new TypedDocumentString(`
    fragment FairRule on FairnessRuleInForce {
  itemCode
  source
  maxPerItem
  maxPerDay
  maxReschedules
  maxCancellations
  changeWindowHours
  verifiedOnly
  updatedAt
}
    `, {"fragmentName":"FairRule"}) as unknown as TypedDocumentString<FairRuleFragment, unknown>;
export const IdentityCeremonyFragmentDoc = new TypedDocumentString(`
    fragment IdentityCeremony on CeremonyResult {
  __typename
  ... on PasskeyCeremony {
    challengeId
    optionsJson
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on TooManyAttempts {
    message
    retryAfterSeconds
  }
  ... on SignInError {
    signInCode: code
    message
  }
}
    `, {"fragmentName":"IdentityCeremony"}) as unknown as TypedDocumentString<IdentityCeremonyFragment, unknown>;
export const IdentityMeFragmentDoc = new TypedDocumentString(`
    fragment IdentityMe on Me {
  accountId
  kind
  assuranceLevel
  stepUpValidUntil
  signInMethod
  hasPasskey
  needsTotpConfirmation
  person {
    fullName
    dateOfBirth
    nationality
    isResident
    documentType
    documentNumberMasked
    documentExpiry
    email
    mobile
  }
  officer {
    badgeNumber
    fullName
    unit
    roles
  }
  memberships {
    id
    role
    status
    enterprise {
      id
      name
      uscc
    }
  }
}
    `, {"fragmentName":"IdentityMe"}) as unknown as TypedDocumentString<IdentityMeFragment, unknown>;
export const IdentitySignInOutcomeFragmentDoc = new TypedDocumentString(`
    fragment IdentitySignInOutcome on SignInResult {
  __typename
  ... on SignInSuccess {
    me {
      ...IdentityMe
    }
  }
  ... on WebAuthnError {
    webAuthnCode: code
    message
  }
  ... on SignInError {
    signInCode: code
    message
  }
  ... on TooManyAttempts {
    message
    retryAfterSeconds
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
}
    fragment IdentityMe on Me {
  accountId
  kind
  assuranceLevel
  stepUpValidUntil
  signInMethod
  hasPasskey
  needsTotpConfirmation
  person {
    fullName
    dateOfBirth
    nationality
    isResident
    documentType
    documentNumberMasked
    documentExpiry
    email
    mobile
  }
  officer {
    badgeNumber
    fullName
    unit
    roles
  }
  memberships {
    id
    role
    status
    enterprise {
      id
      name
      uscc
    }
  }
}`, {"fragmentName":"IdentitySignInOutcome"}) as unknown as TypedDocumentString<IdentitySignInOutcomeFragment, unknown>;
export const IdentityOutcomeFragmentDoc = new TypedDocumentString(`
    fragment IdentityOutcome on IdentityResult {
  __typename
  ... on IdentityDone {
    ok
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on WebAuthnError {
    webAuthnCode: code
    message
  }
}
    `, {"fragmentName":"IdentityOutcome"}) as unknown as TypedDocumentString<IdentityOutcomeFragment, unknown>;
export const NotificationsOutcomeFragmentDoc = new TypedDocumentString(`
    fragment NotificationsOutcome on NotificationResult {
  __typename
  ... on NotificationDone {
    changed
  }
  ... on NotificationError {
    notificationCode
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
}
    `, {"fragmentName":"NotificationsOutcome"}) as unknown as TypedDocumentString<NotificationsOutcomeFragment, unknown>;
export const PaymentIntentFieldsFragmentDoc = new TypedDocumentString(`
    fragment PaymentIntentFields on PaymentIntent {
  id
  number
  state
  basis
  amountFen
  refundedFen
  codeUrl
  createdAt
  expiresAt
  succeededAt
}
    `, {"fragmentName":"PaymentIntentFields"}) as unknown as TypedDocumentString<PaymentIntentFieldsFragment, unknown>;
export const DeclarationPaymentFieldsFragmentDoc = new TypedDocumentString(`
    fragment DeclarationPaymentFields on DeclarationPayment {
  number
  state
  basis
  final
  dueFen
  paidFen
  balanceFen
  refundPendingFen
  receipt
  openIntent {
    ...PaymentIntentFields
  }
  intents {
    ...PaymentIntentFields
  }
}
    fragment PaymentIntentFields on PaymentIntent {
  id
  number
  state
  basis
  amountFen
  refundedFen
  codeUrl
  createdAt
  expiresAt
  succeededAt
}`, {"fragmentName":"DeclarationPaymentFields"}) as unknown as TypedDocumentString<DeclarationPaymentFieldsFragment, unknown>;
export const ApplicationFeePaymentFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApplicationFeePaymentFields on ApplicationFeePayment {
  applicationId
  number
  state
  feeDue
  dueFen
  paidFen
  receipt
  receiptOrder
  openIntent {
    ...PaymentIntentFields
  }
  intents {
    ...PaymentIntentFields
  }
}
    fragment PaymentIntentFields on PaymentIntent {
  id
  number
  state
  basis
  amountFen
  refundedFen
  codeUrl
  createdAt
  expiresAt
  succeededAt
}`, {"fragmentName":"ApplicationFeePaymentFields"}) as unknown as TypedDocumentString<ApplicationFeePaymentFieldsFragment, unknown>;
export const ReviewsTaskFragmentDoc = new TypedDocumentString(`
    fragment ReviewsTask on ReviewTask {
  review {
    id
    level
    department
    status
    revision
  }
  application {
    id
    number
    itemCode
    itemName {
      zhHans
      zhHant
      en
    }
    status
    revision
    form {
      element
      value
    }
    materials {
      material
      documentId
    }
    submittedAt
    dueDate
    daysLeft
    paused
  }
  changes {
    fields
    materials
  }
  draftJson
  claimedByMe
}
    `, {"fragmentName":"ReviewsTask"}) as unknown as TypedDocumentString<ReviewsTaskFragment, unknown>;
export const ReviewsResultFragmentDoc = new TypedDocumentString(`
    fragment ReviewsResult on ApplicationResult {
  __typename
  ... on ApplicationDone {
    applicationId
    status
  }
  ... on ValidationError {
    message
    errors {
      field
      code
      message
    }
  }
  ... on ApplicationError {
    applicationCode
    message
    field
  }
}
    `, {"fragmentName":"ReviewsResult"}) as unknown as TypedDocumentString<ReviewsResultFragment, unknown>;
export const ServicesTextFragmentDoc = new TypedDocumentString(`
    fragment ServicesText on LocalizedText {
  zhHans
  zhHant
  en
}
    `, {"fragmentName":"ServicesText"}) as unknown as TypedDocumentString<ServicesTextFragment, unknown>;
export const ServicesItemSummaryFragmentDoc = new TypedDocumentString(`
    fragment ServicesItemSummary on ServiceItemInfo {
  code
  category
  handlingMode
  name {
    ...ServicesText
  }
  description {
    ...ServicesText
  }
  timeLimitDays
}
    fragment ServicesText on LocalizedText {
  zhHans
  zhHant
  en
}`, {"fragmentName":"ServicesItemSummary"}) as unknown as TypedDocumentString<ServicesItemSummaryFragment, unknown>;
export const ServicesItemFullFragmentDoc = new TypedDocumentString(`
    fragment ServicesItemFull on ServiceItemInfo {
  code
  version
  category
  handlingMode
  name {
    ...ServicesText
  }
  description {
    ...ServicesText
  }
  legalBasis {
    ...ServicesText
  }
  conditions {
    ...ServicesText
  }
  fees {
    ...ServicesText
  }
  fee {
    amountFen
    due
  }
  onsiteReason {
    ...ServicesText
  }
  form {
    element
    required
  }
  materials {
    material
    required
  }
  departments
  reviewLevels
  timeLimitDays
}
    fragment ServicesText on LocalizedText {
  zhHans
  zhHant
  en
}`, {"fragmentName":"ServicesItemFull"}) as unknown as TypedDocumentString<ServicesItemFullFragment, unknown>;
export const ServicesMaterialTypeFragmentDoc = new TypedDocumentString(`
    fragment ServicesMaterialType on MaterialTypeInfo {
  code
  name {
    ...ServicesText
  }
  acceptedFormats
  maxBytes
  originalOnSite
  reusable
  requiresValidity
}
    fragment ServicesText on LocalizedText {
  zhHans
  zhHant
  en
}`, {"fragmentName":"ServicesMaterialType"}) as unknown as TypedDocumentString<ServicesMaterialTypeFragment, unknown>;
export const ServicesDataElementFragmentDoc = new TypedDocumentString(`
    fragment ServicesDataElement on DataElementInfo {
  code
  name {
    ...ServicesText
  }
  definition {
    ...ServicesText
  }
  format
  ruleJson
}
    fragment ServicesText on LocalizedText {
  zhHans
  zhHant
  en
}`, {"fragmentName":"ServicesDataElement"}) as unknown as TypedDocumentString<ServicesDataElementFragment, unknown>;
export const ServicesDocumentFragmentDoc = new TypedDocumentString(`
    fragment ServicesDocument on Document {
  id
  materialCode
  label
  format
  issueDate
  expiryDate
  expired
  url
  createdAt
}
    `, {"fragmentName":"ServicesDocument"}) as unknown as TypedDocumentString<ServicesDocumentFragment, unknown>;
export const ServicesApplicationFragmentDoc = new TypedDocumentString(`
    fragment ServicesApplication on Application {
  id
  number
  itemCode
  itemName {
    ...ServicesText
  }
  status
  revision
  form {
    element
    value
  }
  materials {
    material
    documentId
  }
  submittedAt
  dueDate
  daysLeft
  paused
  corrections {
    target
    problem
    action
    department
  }
  timeline {
    at
    kind
    actor
  }
  rating
  appointmentNext
}
    fragment ServicesText on LocalizedText {
  zhHans
  zhHant
  en
}`, {"fragmentName":"ServicesApplication"}) as unknown as TypedDocumentString<ServicesApplicationFragment, unknown>;
export const ServicesResultFragmentDoc = new TypedDocumentString(`
    fragment ServicesResult on ApplicationResult {
  __typename
  ... on ApplicationDone {
    applicationId
    status
  }
  ... on ValidationError {
    message
    errors {
      field
      code
      message
    }
  }
  ... on ApplicationError {
    applicationCode
    message
    field
  }
}
    `, {"fragmentName":"ServicesResult"}) as unknown as TypedDocumentString<ServicesResultFragment, unknown>;
export const ServicesServerDraftFragmentDoc = new TypedDocumentString(`
    fragment ServicesServerDraft on ApplicationDraftInfo {
  itemCode
  itemName {
    ...ServicesText
  }
  version
  dataJson
  updatedAt
  device
}
    fragment ServicesText on LocalizedText {
  zhHans
  zhHant
  en
}`, {"fragmentName":"ServicesServerDraft"}) as unknown as TypedDocumentString<ServicesServerDraftFragment, unknown>;
export const AboutServerInfoDocument = new TypedDocumentString(`
    query AboutServerInfo {
  serverInfo {
    version
  }
}
    `) as unknown as TypedDocumentString<AboutServerInfoQuery, AboutServerInfoQueryVariables>;
export const AuditAlertsDocument = new TypedDocumentString(`
    query AuditAlerts($openOnly: Boolean!) {
  auditAlerts(openOnly: $openOnly, first: 100) {
    id
    ruleCode
    title
    who
    unit
    eventCount
    firstAt
    lastAt
    raisedAt
    acknowledgedAt
    note
  }
  auditAlertRules {
    code
    title
    kind
    enabled
    threshold
    windowMinutes
    hoursStart
    hoursEnd
  }
}
    `) as unknown as TypedDocumentString<AuditAlertsQuery, AuditAlertsQueryVariables>;
export const AuditAlertAcknowledgeDocument = new TypedDocumentString(`
    mutation AuditAlertAcknowledge($id: ID!, $note: String!) {
  auditAlertAcknowledge(id: $id, note: $note) {
    __typename
    ... on AuditAlertAcknowledged {
      alert {
        id
        acknowledgedAt
        note
      }
    }
    ... on AuditAlertError {
      code
      message
    }
    ... on ValidationError {
      errors {
        field
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuditAlertAcknowledgeMutation, AuditAlertAcknowledgeMutationVariables>;
export const AuditAlertRuleUpdateDocument = new TypedDocumentString(`
    mutation AuditAlertRuleUpdate($input: AuditAlertRuleUpdateInput!) {
  auditAlertRuleUpdate(input: $input) {
    __typename
    ... on AuditAlertRuleSaved {
      rule {
        code
        enabled
        threshold
        windowMinutes
        hoursStart
        hoursEnd
      }
    }
    ... on AuditAlertError {
      code
      message
    }
    ... on ValidationError {
      errors {
        field
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuditAlertRuleUpdateMutation, AuditAlertRuleUpdateMutationVariables>;
export const AppointmentsItemsDocument = new TypedDocumentString(`
    query AppointmentsItems {
  prereview: serviceItems(handlingMode: PREREVIEW_THEN_ONSITE, first: 50) {
    nodes {
      code
      handlingMode
      name {
        ...AppointmentsText
      }
    }
  }
  onsite: serviceItems(handlingMode: ONSITE_ONLY, first: 50) {
    nodes {
      code
      handlingMode
      name {
        ...AppointmentsText
      }
    }
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}`) as unknown as TypedDocumentString<AppointmentsItemsQuery, AppointmentsItemsQueryVariables>;
export const AppointmentsMyApplicationsDocument = new TypedDocumentString(`
    query AppointmentsMyApplications {
  myApplications(first: 50) {
    id
    number
    itemCode
    status
    submittedAt
  }
}
    `) as unknown as TypedDocumentString<AppointmentsMyApplicationsQuery, AppointmentsMyApplicationsQueryVariables>;
export const AppointmentsSitesDocument = new TypedDocumentString(`
    query AppointmentsSites($itemCode: String) {
  appointmentSites(itemCode: $itemCode) {
    ...AppointmentsSite
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment AppointmentsSite on AppointmentSite {
  id
  code
  name {
    ...AppointmentsText
  }
  address {
    ...AppointmentsText
  }
  latitude
  longitude
  timezone
  phone
  accessibility {
    ...AppointmentsText
  }
}`) as unknown as TypedDocumentString<AppointmentsSitesQuery, AppointmentsSitesQueryVariables>;
export const AppointmentsAvailabilityDocument = new TypedDocumentString(`
    query AppointmentsAvailability($itemCode: String!, $siteCode: String, $near: GeoPointInput, $after: DateTime) {
  appointmentAvailability(
    itemCode: $itemCode
    siteCode: $siteCode
    near: $near
    after: $after
    perSite: 6
    sites: 3
  ) {
    site {
      ...AppointmentsSite
    }
    distanceKm
    slots {
      ...AppointmentsSlot
    }
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment AppointmentsSite on AppointmentSite {
  id
  code
  name {
    ...AppointmentsText
  }
  address {
    ...AppointmentsText
  }
  latitude
  longitude
  timezone
  phone
  accessibility {
    ...AppointmentsText
  }
}
fragment AppointmentsSlot on AppointmentSlot {
  id
  siteId
  itemCode
  startsAt
  endsAt
  seatsLeft
}`) as unknown as TypedDocumentString<AppointmentsAvailabilityQuery, AppointmentsAvailabilityQueryVariables>;
export const AppointmentsMineDocument = new TypedDocumentString(`
    query AppointmentsMine {
  myBookings(first: 20) {
    ...AppointmentsBooking
  }
  myWaitlist {
    ...AppointmentsWaitlistEntry
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment AppointmentsSite on AppointmentSite {
  id
  code
  name {
    ...AppointmentsText
  }
  address {
    ...AppointmentsText
  }
  latitude
  longitude
  timezone
  phone
  accessibility {
    ...AppointmentsText
  }
}
fragment AppointmentsBooking on Booking {
  id
  number
  status
  itemCode
  startsAt
  endsAt
  applicationId
  applicationNumber
  credential
  calendarIcs
  offerExpiresAt
  offerAfterClosure
  queueNumber
  windowNumber
  lateMinutes
  checkedInAt
  site {
    ...AppointmentsSite
  }
  directions {
    address {
      ...AppointmentsText
    }
    latitude
    longitude
    mapUri
  }
}
fragment AppointmentsWaitlistEntry on WaitlistEntryInfo {
  id
  itemCode
  siteId
  earlierThan
  bookingId
  status
  offeredBookingId
  createdAt
}`) as unknown as TypedDocumentString<AppointmentsMineQuery, AppointmentsMineQueryVariables>;
export const AppointmentsBookingByIdDocument = new TypedDocumentString(`
    query AppointmentsBookingById($id: ID!) {
  booking(id: $id) {
    ...AppointmentsBooking
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment AppointmentsSite on AppointmentSite {
  id
  code
  name {
    ...AppointmentsText
  }
  address {
    ...AppointmentsText
  }
  latitude
  longitude
  timezone
  phone
  accessibility {
    ...AppointmentsText
  }
}
fragment AppointmentsBooking on Booking {
  id
  number
  status
  itemCode
  startsAt
  endsAt
  applicationId
  applicationNumber
  credential
  calendarIcs
  offerExpiresAt
  offerAfterClosure
  queueNumber
  windowNumber
  lateMinutes
  checkedInAt
  site {
    ...AppointmentsSite
  }
  directions {
    address {
      ...AppointmentsText
    }
    latitude
    longitude
    mapUri
  }
}`) as unknown as TypedDocumentString<AppointmentsBookingByIdQuery, AppointmentsBookingByIdQueryVariables>;
export const AppointmentsCreateDocument = new TypedDocumentString(`
    mutation AppointmentsCreate($slotId: ID!, $itemCode: String!, $idempotencyKey: String!, $applicationId: String) {
  bookingCreate(
    slotId: $slotId
    itemCode: $itemCode
    idempotencyKey: $idempotencyKey
    applicationId: $applicationId
  ) {
    ...AppointmentsCreateResult
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment AppointmentsSite on AppointmentSite {
  id
  code
  name {
    ...AppointmentsText
  }
  address {
    ...AppointmentsText
  }
  latitude
  longitude
  timezone
  phone
  accessibility {
    ...AppointmentsText
  }
}
fragment AppointmentsSlot on AppointmentSlot {
  id
  siteId
  itemCode
  startsAt
  endsAt
  seatsLeft
}
fragment AppointmentsBooking on Booking {
  id
  number
  status
  itemCode
  startsAt
  endsAt
  applicationId
  applicationNumber
  credential
  calendarIcs
  offerExpiresAt
  offerAfterClosure
  queueNumber
  windowNumber
  lateMinutes
  checkedInAt
  site {
    ...AppointmentsSite
  }
  directions {
    address {
      ...AppointmentsText
    }
    latitude
    longitude
    mapUri
  }
}
fragment AppointmentsError on AppointmentError {
  appointmentCode: code
  message
  field
  retryAt
}
fragment AppointmentsValidation on ValidationError {
  message
  errors {
    field
    message
  }
}
fragment AppointmentsCreateResult on BookingCreateResult {
  __typename
  ... on BookingSuccess {
    replayed
    booking {
      ...AppointmentsBooking
    }
  }
  ... on SlotFullError {
    message
    alternatives {
      ...AppointmentsSlot
    }
  }
  ... on AppointmentError {
    ...AppointmentsError
  }
  ... on ValidationError {
    ...AppointmentsValidation
  }
}`) as unknown as TypedDocumentString<AppointmentsCreateMutation, AppointmentsCreateMutationVariables>;
export const AppointmentsRescheduleDocument = new TypedDocumentString(`
    mutation AppointmentsReschedule($bookingId: ID!, $slotId: ID!, $idempotencyKey: String!) {
  bookingReschedule(
    bookingId: $bookingId
    slotId: $slotId
    idempotencyKey: $idempotencyKey
  ) {
    ...AppointmentsCreateResult
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment AppointmentsSite on AppointmentSite {
  id
  code
  name {
    ...AppointmentsText
  }
  address {
    ...AppointmentsText
  }
  latitude
  longitude
  timezone
  phone
  accessibility {
    ...AppointmentsText
  }
}
fragment AppointmentsSlot on AppointmentSlot {
  id
  siteId
  itemCode
  startsAt
  endsAt
  seatsLeft
}
fragment AppointmentsBooking on Booking {
  id
  number
  status
  itemCode
  startsAt
  endsAt
  applicationId
  applicationNumber
  credential
  calendarIcs
  offerExpiresAt
  offerAfterClosure
  queueNumber
  windowNumber
  lateMinutes
  checkedInAt
  site {
    ...AppointmentsSite
  }
  directions {
    address {
      ...AppointmentsText
    }
    latitude
    longitude
    mapUri
  }
}
fragment AppointmentsError on AppointmentError {
  appointmentCode: code
  message
  field
  retryAt
}
fragment AppointmentsValidation on ValidationError {
  message
  errors {
    field
    message
  }
}
fragment AppointmentsCreateResult on BookingCreateResult {
  __typename
  ... on BookingSuccess {
    replayed
    booking {
      ...AppointmentsBooking
    }
  }
  ... on SlotFullError {
    message
    alternatives {
      ...AppointmentsSlot
    }
  }
  ... on AppointmentError {
    ...AppointmentsError
  }
  ... on ValidationError {
    ...AppointmentsValidation
  }
}`) as unknown as TypedDocumentString<AppointmentsRescheduleMutation, AppointmentsRescheduleMutationVariables>;
export const AppointmentsCancelDocument = new TypedDocumentString(`
    mutation AppointmentsCancel($bookingId: ID!) {
  bookingCancel(bookingId: $bookingId) {
    ...AppointmentsChangeResult
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment AppointmentsSite on AppointmentSite {
  id
  code
  name {
    ...AppointmentsText
  }
  address {
    ...AppointmentsText
  }
  latitude
  longitude
  timezone
  phone
  accessibility {
    ...AppointmentsText
  }
}
fragment AppointmentsBooking on Booking {
  id
  number
  status
  itemCode
  startsAt
  endsAt
  applicationId
  applicationNumber
  credential
  calendarIcs
  offerExpiresAt
  offerAfterClosure
  queueNumber
  windowNumber
  lateMinutes
  checkedInAt
  site {
    ...AppointmentsSite
  }
  directions {
    address {
      ...AppointmentsText
    }
    latitude
    longitude
    mapUri
  }
}
fragment AppointmentsError on AppointmentError {
  appointmentCode: code
  message
  field
  retryAt
}
fragment AppointmentsValidation on ValidationError {
  message
  errors {
    field
    message
  }
}
fragment AppointmentsChangeResult on BookingChangeResult {
  __typename
  ... on BookingChanged {
    booking {
      ...AppointmentsBooking
    }
  }
  ... on AppointmentError {
    ...AppointmentsError
  }
  ... on ValidationError {
    ...AppointmentsValidation
  }
}`) as unknown as TypedDocumentString<AppointmentsCancelMutation, AppointmentsCancelMutationVariables>;
export const AppointmentsReleaseDocument = new TypedDocumentString(`
    mutation AppointmentsRelease($bookingId: ID!) {
  bookingRelease(bookingId: $bookingId) {
    ...AppointmentsChangeResult
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment AppointmentsSite on AppointmentSite {
  id
  code
  name {
    ...AppointmentsText
  }
  address {
    ...AppointmentsText
  }
  latitude
  longitude
  timezone
  phone
  accessibility {
    ...AppointmentsText
  }
}
fragment AppointmentsBooking on Booking {
  id
  number
  status
  itemCode
  startsAt
  endsAt
  applicationId
  applicationNumber
  credential
  calendarIcs
  offerExpiresAt
  offerAfterClosure
  queueNumber
  windowNumber
  lateMinutes
  checkedInAt
  site {
    ...AppointmentsSite
  }
  directions {
    address {
      ...AppointmentsText
    }
    latitude
    longitude
    mapUri
  }
}
fragment AppointmentsError on AppointmentError {
  appointmentCode: code
  message
  field
  retryAt
}
fragment AppointmentsValidation on ValidationError {
  message
  errors {
    field
    message
  }
}
fragment AppointmentsChangeResult on BookingChangeResult {
  __typename
  ... on BookingChanged {
    booking {
      ...AppointmentsBooking
    }
  }
  ... on AppointmentError {
    ...AppointmentsError
  }
  ... on ValidationError {
    ...AppointmentsValidation
  }
}`) as unknown as TypedDocumentString<AppointmentsReleaseMutation, AppointmentsReleaseMutationVariables>;
export const AppointmentsLateDocument = new TypedDocumentString(`
    mutation AppointmentsLate($bookingId: ID!, $minutes: Int!) {
  bookingLateReport(bookingId: $bookingId, minutes: $minutes) {
    ...AppointmentsChangeResult
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment AppointmentsSite on AppointmentSite {
  id
  code
  name {
    ...AppointmentsText
  }
  address {
    ...AppointmentsText
  }
  latitude
  longitude
  timezone
  phone
  accessibility {
    ...AppointmentsText
  }
}
fragment AppointmentsBooking on Booking {
  id
  number
  status
  itemCode
  startsAt
  endsAt
  applicationId
  applicationNumber
  credential
  calendarIcs
  offerExpiresAt
  offerAfterClosure
  queueNumber
  windowNumber
  lateMinutes
  checkedInAt
  site {
    ...AppointmentsSite
  }
  directions {
    address {
      ...AppointmentsText
    }
    latitude
    longitude
    mapUri
  }
}
fragment AppointmentsError on AppointmentError {
  appointmentCode: code
  message
  field
  retryAt
}
fragment AppointmentsValidation on ValidationError {
  message
  errors {
    field
    message
  }
}
fragment AppointmentsChangeResult on BookingChangeResult {
  __typename
  ... on BookingChanged {
    booking {
      ...AppointmentsBooking
    }
  }
  ... on AppointmentError {
    ...AppointmentsError
  }
  ... on ValidationError {
    ...AppointmentsValidation
  }
}`) as unknown as TypedDocumentString<AppointmentsLateMutation, AppointmentsLateMutationVariables>;
export const AppointmentsOfferConfirmDocument = new TypedDocumentString(`
    mutation AppointmentsOfferConfirm($bookingId: ID!) {
  bookingOfferConfirm(bookingId: $bookingId) {
    ...AppointmentsCreateResult
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment AppointmentsSite on AppointmentSite {
  id
  code
  name {
    ...AppointmentsText
  }
  address {
    ...AppointmentsText
  }
  latitude
  longitude
  timezone
  phone
  accessibility {
    ...AppointmentsText
  }
}
fragment AppointmentsSlot on AppointmentSlot {
  id
  siteId
  itemCode
  startsAt
  endsAt
  seatsLeft
}
fragment AppointmentsBooking on Booking {
  id
  number
  status
  itemCode
  startsAt
  endsAt
  applicationId
  applicationNumber
  credential
  calendarIcs
  offerExpiresAt
  offerAfterClosure
  queueNumber
  windowNumber
  lateMinutes
  checkedInAt
  site {
    ...AppointmentsSite
  }
  directions {
    address {
      ...AppointmentsText
    }
    latitude
    longitude
    mapUri
  }
}
fragment AppointmentsError on AppointmentError {
  appointmentCode: code
  message
  field
  retryAt
}
fragment AppointmentsValidation on ValidationError {
  message
  errors {
    field
    message
  }
}
fragment AppointmentsCreateResult on BookingCreateResult {
  __typename
  ... on BookingSuccess {
    replayed
    booking {
      ...AppointmentsBooking
    }
  }
  ... on SlotFullError {
    message
    alternatives {
      ...AppointmentsSlot
    }
  }
  ... on AppointmentError {
    ...AppointmentsError
  }
  ... on ValidationError {
    ...AppointmentsValidation
  }
}`) as unknown as TypedDocumentString<AppointmentsOfferConfirmMutation, AppointmentsOfferConfirmMutationVariables>;
export const AppointmentsWaitlistJoinDocument = new TypedDocumentString(`
    mutation AppointmentsWaitlistJoin($input: WaitlistJoinInput!) {
  waitlistJoin(input: $input) {
    __typename
    ... on WaitlistJoined {
      entry {
        ...AppointmentsWaitlistEntry
      }
    }
    ... on AppointmentError {
      ...AppointmentsError
    }
    ... on ValidationError {
      ...AppointmentsValidation
    }
  }
}
    fragment AppointmentsError on AppointmentError {
  appointmentCode: code
  message
  field
  retryAt
}
fragment AppointmentsValidation on ValidationError {
  message
  errors {
    field
    message
  }
}
fragment AppointmentsWaitlistEntry on WaitlistEntryInfo {
  id
  itemCode
  siteId
  earlierThan
  bookingId
  status
  offeredBookingId
  createdAt
}`) as unknown as TypedDocumentString<AppointmentsWaitlistJoinMutation, AppointmentsWaitlistJoinMutationVariables>;
export const AppointmentsWaitlistLeaveDocument = new TypedDocumentString(`
    mutation AppointmentsWaitlistLeave($entryId: ID!) {
  waitlistLeave(entryId: $entryId) {
    __typename
    ... on WaitlistJoined {
      entry {
        ...AppointmentsWaitlistEntry
      }
    }
    ... on AppointmentError {
      ...AppointmentsError
    }
    ... on ValidationError {
      ...AppointmentsValidation
    }
  }
}
    fragment AppointmentsError on AppointmentError {
  appointmentCode: code
  message
  field
  retryAt
}
fragment AppointmentsValidation on ValidationError {
  message
  errors {
    field
    message
  }
}
fragment AppointmentsWaitlistEntry on WaitlistEntryInfo {
  id
  itemCode
  siteId
  earlierThan
  bookingId
  status
  offeredBookingId
  createdAt
}`) as unknown as TypedDocumentString<AppointmentsWaitlistLeaveMutation, AppointmentsWaitlistLeaveMutationVariables>;
export const AppointmentsUpdatesDocument = new TypedDocumentString(`
    subscription AppointmentsUpdates($bookingId: ID!) {
  myBookingUpdates(bookingId: $bookingId) {
    bookingId
    status
    queueNumber
    windowNumber
    message
  }
}
    `) as unknown as TypedDocumentString<AppointmentsUpdatesSubscription, AppointmentsUpdatesSubscriptionVariables>;
export const AppointmentsOfficerSitesDocument = new TypedDocumentString(`
    query AppointmentsOfficerSites {
  appointmentSites {
    ...AppointmentsSite
  }
  serviceItems(first: 50) {
    nodes {
      code
      name {
        ...AppointmentsText
      }
    }
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment AppointmentsSite on AppointmentSite {
  id
  code
  name {
    ...AppointmentsText
  }
  address {
    ...AppointmentsText
  }
  latitude
  longitude
  timezone
  phone
  accessibility {
    ...AppointmentsText
  }
}`) as unknown as TypedDocumentString<AppointmentsOfficerSitesQuery, AppointmentsOfficerSitesQueryVariables>;
export const AppointmentsSiteDayDocument = new TypedDocumentString(`
    query AppointmentsSiteDay($siteId: ID!, $date: Date!) {
  siteDay(siteId: $siteId, date: $date) {
    date
    site {
      ...AppointmentsSite
    }
    windows {
      number
      itemCodes
      active
    }
    bookings {
      ...AppointmentsDayBooking
    }
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment AppointmentsSite on AppointmentSite {
  id
  code
  name {
    ...AppointmentsText
  }
  address {
    ...AppointmentsText
  }
  latitude
  longitude
  timezone
  phone
  accessibility {
    ...AppointmentsText
  }
}
fragment AppointmentsDayBooking on DayBooking {
  id
  number
  status
  itemCode
  startsAt
  endsAt
  personName
  applicationId
  applicationNumber
  queueNumber
  windowNumber
  lateMinutes
  checkedInAt
  calledAt
}`) as unknown as TypedDocumentString<AppointmentsSiteDayQuery, AppointmentsSiteDayQueryVariables>;
export const AppointmentsCheckInDocument = new TypedDocumentString(`
    mutation AppointmentsCheckIn($idempotencyKey: String!, $credential: String, $number: String) {
  bookingCheckIn(
    idempotencyKey: $idempotencyKey
    credential: $credential
    number: $number
  ) {
    __typename
    ... on CheckInSuccess {
      queueNumber
      replayed
      booking {
        ...AppointmentsDayBooking
      }
    }
    ... on AppointmentError {
      ...AppointmentsError
    }
    ... on ValidationError {
      ...AppointmentsValidation
    }
  }
}
    fragment AppointmentsError on AppointmentError {
  appointmentCode: code
  message
  field
  retryAt
}
fragment AppointmentsValidation on ValidationError {
  message
  errors {
    field
    message
  }
}
fragment AppointmentsDayBooking on DayBooking {
  id
  number
  status
  itemCode
  startsAt
  endsAt
  personName
  applicationId
  applicationNumber
  queueNumber
  windowNumber
  lateMinutes
  checkedInAt
  calledAt
}`) as unknown as TypedDocumentString<AppointmentsCheckInMutation, AppointmentsCheckInMutationVariables>;
export const AppointmentsCallNextDocument = new TypedDocumentString(`
    mutation AppointmentsCallNext($siteId: ID!, $windowNumber: Int!) {
  queueCallNext(siteId: $siteId, windowNumber: $windowNumber) {
    __typename
    ... on QueueCalled {
      windowNumber
      booking {
        ...AppointmentsDayBooking
      }
    }
    ... on AppointmentError {
      ...AppointmentsError
    }
  }
}
    fragment AppointmentsError on AppointmentError {
  appointmentCode: code
  message
  field
  retryAt
}
fragment AppointmentsDayBooking on DayBooking {
  id
  number
  status
  itemCode
  startsAt
  endsAt
  personName
  applicationId
  applicationNumber
  queueNumber
  windowNumber
  lateMinutes
  checkedInAt
  calledAt
}`) as unknown as TypedDocumentString<AppointmentsCallNextMutation, AppointmentsCallNextMutationVariables>;
export const AppointmentsOutcomeDocument = new TypedDocumentString(`
    mutation AppointmentsOutcome($bookingId: ID!, $outcome: BookingOutcome!) {
  bookingOutcomeRecord(bookingId: $bookingId, outcome: $outcome) {
    __typename
    ... on BookingOutcomeRecorded {
      booking {
        ...AppointmentsDayBooking
      }
    }
    ... on AppointmentError {
      ...AppointmentsError
    }
  }
}
    fragment AppointmentsError on AppointmentError {
  appointmentCode: code
  message
  field
  retryAt
}
fragment AppointmentsDayBooking on DayBooking {
  id
  number
  status
  itemCode
  startsAt
  endsAt
  personName
  applicationId
  applicationNumber
  queueNumber
  windowNumber
  lateMinutes
  checkedInAt
  calledAt
}`) as unknown as TypedDocumentString<AppointmentsOutcomeMutation, AppointmentsOutcomeMutationVariables>;
export const AppointmentsItemNameDocument = new TypedDocumentString(`
    query AppointmentsItemName($code: String!) {
  serviceItem(code: $code) {
    code
    name {
      ...AppointmentsText
    }
  }
}
    fragment AppointmentsText on LocalizedText {
  zhHans
  zhHant
  en
}`) as unknown as TypedDocumentString<AppointmentsItemNameQuery, AppointmentsItemNameQueryVariables>;
export const AppointmentsOpenDrawsDocument = new TypedDocumentString(`
    query AppointmentsOpenDraws($itemCode: String!, $siteId: ID) {
  appointmentDraws(itemCode: $itemCode, siteId: $siteId) {
    id
    drawn
    closesAt
  }
}
    `) as unknown as TypedDocumentString<AppointmentsOpenDrawsQuery, AppointmentsOpenDrawsQueryVariables>;
export const AppointmentsDrawEnterDocument = new TypedDocumentString(`
    mutation AppointmentsDrawEnter($drawId: ID!) {
  drawEnter(drawId: $drawId) {
    __typename
    ... on DrawEntered {
      entry {
        id
        state
      }
    }
    ... on AppointmentError {
      ...AppointmentsError
    }
    ... on ValidationError {
      ...AppointmentsValidation
    }
  }
}
    fragment AppointmentsError on AppointmentError {
  appointmentCode: code
  message
  field
  retryAt
}
fragment AppointmentsValidation on ValidationError {
  message
  errors {
    field
    message
  }
}`) as unknown as TypedDocumentString<AppointmentsDrawEnterMutation, AppointmentsDrawEnterMutationVariables>;
export const DeclarationRulesDocument = new TypedDocumentString(`
    query DeclarationRules {
  dutyRules {
    version
    effectiveFrom
    source
    ratesDate
    ratesSource
    ruleSetJson
    ratesJson
    categories {
      code
      name {
        zhHans
        zhHant
        en
      }
      examples {
        zhHans
        zhHant
        en
      }
      rate
      synonyms
      needsMeasure
    }
    checklist {
      code
      question {
        zhHans
        zhHant
        en
      }
      guidance {
        zhHans
        zhHant
        en
      }
    }
  }
  ports(first: 100) {
    nodes {
      code
      kind
      name {
        zhHans
        zhHant
        en
      }
      city {
        zhHans
        zhHant
        en
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeclarationRulesQuery, DeclarationRulesQueryVariables>;
export const DeclarationDutyEstimateDocument = new TypedDocumentString(`
    query DeclarationDutyEstimate($travellers: [EstimateTravellerInput!]!, $articles: [ArticleInput!]!, $cash: [CashInput!], $restrictedYes: [String!], $direction: Direction!, $portCode: String!, $frequentCrosser: Boolean!) {
  dutyEstimate(
    travellers: $travellers
    articles: $articles
    cash: $cash
    restrictedYes: $restrictedYes
    direction: $direction
    portCode: $portCode
    frequentCrosser: $frequentCrosser
  ) {
    __typename
    ... on DutyEstimate {
      ...DeclarationEstimate
    }
    ... on ValidationError {
      validationCode: code
      message
      errors {
        field
        validationCode: code
        message
      }
    }
    ... on DeclarationError {
      declarationCode: code
      message
    }
  }
}
    fragment DeclarationEstimate on DutyEstimate {
  dutyCny
  valueCny
  taxableCny
  channel
  reasons
  ruleSetVersion
  ratesDate
  lines {
    articleKey
    travellerKey
    category
    declaredCategory
    valueCny
    allowanceUsedCny
    unitsExempt
    taxableCny
    rate
    dutyCny
    rule
    legalBasis
  }
  travellers {
    travellerKey
    allowanceCny
    allowanceWithDutyFreeCny
    allowanceUsedCny
    valueCny
    taxableCny
    dutyCny
    reasons
  }
}`) as unknown as TypedDocumentString<DeclarationDutyEstimateQuery, DeclarationDutyEstimateQueryVariables>;
export const DeclarationSubmitDocument = new TypedDocumentString(`
    mutation DeclarationSubmit($input: DeclarationInput!, $idempotencyKey: String!, $draftId: ID) {
  declarationSubmit(
    input: $input
    idempotencyKey: $idempotencyKey
    draftId: $draftId
  ) {
    ...DeclarationSubmitOutcome
  }
}
    fragment DeclarationEstimate on DutyEstimate {
  dutyCny
  valueCny
  taxableCny
  channel
  reasons
  ruleSetVersion
  ratesDate
  lines {
    articleKey
    travellerKey
    category
    declaredCategory
    valueCny
    allowanceUsedCny
    unitsExempt
    taxableCny
    rate
    dutyCny
    rule
    legalBasis
  }
  travellers {
    travellerKey
    allowanceCny
    allowanceWithDutyFreeCny
    allowanceUsedCny
    valueCny
    taxableCny
    dutyCny
    reasons
  }
}
fragment DeclarationFull on Declaration {
  id
  number
  version
  status
  direction
  portCode
  travelMode
  travelNumber
  scheduledAt
  validFrom
  validUntil
  travellers {
    key
    fullName
    documentType
    documentNumber
    dateOfBirth
    isResident
    consentStatement
  }
  articles {
    key
    traveller
    categoryCode
    description
    quantity
    unitValue
    currency
    unitMeasure
    indivisible
    takenOutAgain
    dutyFreeShop
    photo {
      documentId
      format
      mediaType
      url
    }
  }
  cash {
    traveller
    currency
    amount
  }
  restrictedYes
  estimate {
    ...DeclarationEstimate
  }
  credential
  submittedAt
  outcome {
    kind
    dutyAssessed
    reason
    receiptNumber
    recordedAt
    observedAt
  }
}
fragment DeclarationSubmitOutcome on DeclarationSubmitResult {
  __typename
  ... on DeclarationSubmitSuccess {
    replayed
    declaration {
      ...DeclarationFull
    }
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on DeclarationError {
    declarationCode: code
    message
    field
  }
}`) as unknown as TypedDocumentString<DeclarationSubmitMutation, DeclarationSubmitMutationVariables>;
export const DeclarationAmendDocument = new TypedDocumentString(`
    mutation DeclarationAmend($declarationId: ID!, $input: DeclarationInput!, $idempotencyKey: String!) {
  declarationAmend(
    declarationId: $declarationId
    input: $input
    idempotencyKey: $idempotencyKey
  ) {
    ...DeclarationSubmitOutcome
  }
}
    fragment DeclarationEstimate on DutyEstimate {
  dutyCny
  valueCny
  taxableCny
  channel
  reasons
  ruleSetVersion
  ratesDate
  lines {
    articleKey
    travellerKey
    category
    declaredCategory
    valueCny
    allowanceUsedCny
    unitsExempt
    taxableCny
    rate
    dutyCny
    rule
    legalBasis
  }
  travellers {
    travellerKey
    allowanceCny
    allowanceWithDutyFreeCny
    allowanceUsedCny
    valueCny
    taxableCny
    dutyCny
    reasons
  }
}
fragment DeclarationFull on Declaration {
  id
  number
  version
  status
  direction
  portCode
  travelMode
  travelNumber
  scheduledAt
  validFrom
  validUntil
  travellers {
    key
    fullName
    documentType
    documentNumber
    dateOfBirth
    isResident
    consentStatement
  }
  articles {
    key
    traveller
    categoryCode
    description
    quantity
    unitValue
    currency
    unitMeasure
    indivisible
    takenOutAgain
    dutyFreeShop
    photo {
      documentId
      format
      mediaType
      url
    }
  }
  cash {
    traveller
    currency
    amount
  }
  restrictedYes
  estimate {
    ...DeclarationEstimate
  }
  credential
  submittedAt
  outcome {
    kind
    dutyAssessed
    reason
    receiptNumber
    recordedAt
    observedAt
  }
}
fragment DeclarationSubmitOutcome on DeclarationSubmitResult {
  __typename
  ... on DeclarationSubmitSuccess {
    replayed
    declaration {
      ...DeclarationFull
    }
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on DeclarationError {
    declarationCode: code
    message
    field
  }
}`) as unknown as TypedDocumentString<DeclarationAmendMutation, DeclarationAmendMutationVariables>;
export const DeclarationDraftSaveDocument = new TypedDocumentString(`
    mutation DeclarationDraftSave($draftId: ID!, $baseVersion: Int!, $dataJson: String!, $device: String!) {
  declarationDraftSave(
    draftId: $draftId
    baseVersion: $baseVersion
    dataJson: $dataJson
    device: $device
  ) {
    __typename
    ... on DeclarationDraftSaved {
      draft {
        id
        version
        updatedAt
      }
    }
    ... on DraftConflictError {
      draftCode: code
      message
      serverVersion
      serverDataJson
      updatedAt
    }
    ... on DeclarationError {
      declarationCode: code
      message
    }
    ... on ValidationError {
      validationCode: code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<DeclarationDraftSaveMutation, DeclarationDraftSaveMutationVariables>;
export const DeclarationMyDraftsDocument = new TypedDocumentString(`
    query DeclarationMyDrafts {
  myDeclarationDrafts {
    id
    version
    dataJson
    updatedAt
    device
  }
}
    `) as unknown as TypedDocumentString<DeclarationMyDraftsQuery, DeclarationMyDraftsQueryVariables>;
export const DeclarationMineDocument = new TypedDocumentString(`
    query DeclarationMine {
  myDeclarations(first: 50) {
    nodes {
      ...DeclarationFull
    }
  }
}
    fragment DeclarationEstimate on DutyEstimate {
  dutyCny
  valueCny
  taxableCny
  channel
  reasons
  ruleSetVersion
  ratesDate
  lines {
    articleKey
    travellerKey
    category
    declaredCategory
    valueCny
    allowanceUsedCny
    unitsExempt
    taxableCny
    rate
    dutyCny
    rule
    legalBasis
  }
  travellers {
    travellerKey
    allowanceCny
    allowanceWithDutyFreeCny
    allowanceUsedCny
    valueCny
    taxableCny
    dutyCny
    reasons
  }
}
fragment DeclarationFull on Declaration {
  id
  number
  version
  status
  direction
  portCode
  travelMode
  travelNumber
  scheduledAt
  validFrom
  validUntil
  travellers {
    key
    fullName
    documentType
    documentNumber
    dateOfBirth
    isResident
    consentStatement
  }
  articles {
    key
    traveller
    categoryCode
    description
    quantity
    unitValue
    currency
    unitMeasure
    indivisible
    takenOutAgain
    dutyFreeShop
    photo {
      documentId
      format
      mediaType
      url
    }
  }
  cash {
    traveller
    currency
    amount
  }
  restrictedYes
  estimate {
    ...DeclarationEstimate
  }
  credential
  submittedAt
  outcome {
    kind
    dutyAssessed
    reason
    receiptNumber
    recordedAt
    observedAt
  }
}`) as unknown as TypedDocumentString<DeclarationMineQuery, DeclarationMineQueryVariables>;
export const DeclarationOneDocument = new TypedDocumentString(`
    query DeclarationOne($id: ID!) {
  declaration(id: $id) {
    ...DeclarationFull
  }
}
    fragment DeclarationEstimate on DutyEstimate {
  dutyCny
  valueCny
  taxableCny
  channel
  reasons
  ruleSetVersion
  ratesDate
  lines {
    articleKey
    travellerKey
    category
    declaredCategory
    valueCny
    allowanceUsedCny
    unitsExempt
    taxableCny
    rate
    dutyCny
    rule
    legalBasis
  }
  travellers {
    travellerKey
    allowanceCny
    allowanceWithDutyFreeCny
    allowanceUsedCny
    valueCny
    taxableCny
    dutyCny
    reasons
  }
}
fragment DeclarationFull on Declaration {
  id
  number
  version
  status
  direction
  portCode
  travelMode
  travelNumber
  scheduledAt
  validFrom
  validUntil
  travellers {
    key
    fullName
    documentType
    documentNumber
    dateOfBirth
    isResident
    consentStatement
  }
  articles {
    key
    traveller
    categoryCode
    description
    quantity
    unitValue
    currency
    unitMeasure
    indivisible
    takenOutAgain
    dutyFreeShop
    photo {
      documentId
      format
      mediaType
      url
    }
  }
  cash {
    traveller
    currency
    amount
  }
  restrictedYes
  estimate {
    ...DeclarationEstimate
  }
  credential
  submittedAt
  outcome {
    kind
    dutyAssessed
    reason
    receiptNumber
    recordedAt
    observedAt
  }
}`) as unknown as TypedDocumentString<DeclarationOneQuery, DeclarationOneQueryVariables>;
export const DeclarationVerifyDocument = new TypedDocumentString(`
    query DeclarationVerify($credential: String!) {
  declarationVerification(credential: $credential) {
    valid
    problem
    message
    superseded
    latestVersion
    issuedAt
    expiresAt
    declaration {
      id
      number
      version
      status
      articles {
        key
        description
        photo {
          documentId
          mediaType
          url
        }
      }
      outcome {
        kind
        dutyAssessed
        reason
        receiptNumber
        recordedAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeclarationVerifyQuery, DeclarationVerifyQueryVariables>;
export const DeclarationOutcomeRecordDocument = new TypedDocumentString(`
    mutation DeclarationOutcomeRecord($input: OutcomeInput!, $idempotencyKey: String!) {
  inspectionOutcomeRecord(input: $input, idempotencyKey: $idempotencyKey) {
    __typename
    ... on OutcomeRecorded {
      declarationId
      replayed
      outcome {
        kind
        dutyAssessed
        reason
        receiptNumber
        recordedAt
        observedAt
      }
    }
    ... on ValidationError {
      validationCode: code
      message
      errors {
        field
        validationCode: code
        message
      }
    }
    ... on DeclarationError {
      declarationCode: code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<DeclarationOutcomeRecordMutation, DeclarationOutcomeRecordMutationVariables>;
export const DeclarationByNumberDocument = new TypedDocumentString(`
    query DeclarationByNumber($number: String!) {
  declarationByNumber(number: $number) {
    id
    number
    version
    status
    credential
  }
}
    `) as unknown as TypedDocumentString<DeclarationByNumberQuery, DeclarationByNumberQueryVariables>;
export const EnterpriseRegisterDocument = new TypedDocumentString(`
    mutation EnterpriseRegister($name: String!, $uscc: String!) {
  enterpriseRegister(name: $name, uscc: $uscc) {
    ...IdentityOutcome
  }
}
    fragment IdentityOutcome on IdentityResult {
  __typename
  ... on IdentityDone {
    ok
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on WebAuthnError {
    webAuthnCode: code
    message
  }
}`) as unknown as TypedDocumentString<EnterpriseRegisterMutation, EnterpriseRegisterMutationVariables>;
export const EnterpriseInvitationAcceptDocument = new TypedDocumentString(`
    mutation EnterpriseInvitationAccept($membershipId: ID!) {
  enterpriseInvitationAccept(membershipId: $membershipId) {
    ...IdentityOutcome
  }
}
    fragment IdentityOutcome on IdentityResult {
  __typename
  ... on IdentityDone {
    ok
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on WebAuthnError {
    webAuthnCode: code
    message
  }
}`) as unknown as TypedDocumentString<EnterpriseInvitationAcceptMutation, EnterpriseInvitationAcceptMutationVariables>;
export const EnterpriseMembersDocument = new TypedDocumentString(`
    query EnterpriseMembers($enterpriseId: ID!) {
  enterpriseMembers(enterpriseId: $enterpriseId) {
    membershipId
    fullName
    role
    status
  }
}
    `) as unknown as TypedDocumentString<EnterpriseMembersQuery, EnterpriseMembersQueryVariables>;
export const EnterpriseMemberInviteDocument = new TypedDocumentString(`
    mutation EnterpriseMemberInvite($enterpriseId: ID!, $documentType: DocumentType!, $documentNumber: String!, $fullName: String!, $role: EnterpriseRole!) {
  enterpriseMemberInvite(
    enterpriseId: $enterpriseId
    documentType: $documentType
    documentNumber: $documentNumber
    fullName: $fullName
    role: $role
  ) {
    ...IdentityOutcome
  }
}
    fragment IdentityOutcome on IdentityResult {
  __typename
  ... on IdentityDone {
    ok
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on WebAuthnError {
    webAuthnCode: code
    message
  }
}`) as unknown as TypedDocumentString<EnterpriseMemberInviteMutation, EnterpriseMemberInviteMutationVariables>;
export const EnterpriseMemberRemoveDocument = new TypedDocumentString(`
    mutation EnterpriseMemberRemove($membershipId: ID!) {
  enterpriseMemberRemove(membershipId: $membershipId) {
    ...IdentityOutcome
  }
}
    fragment IdentityOutcome on IdentityResult {
  __typename
  ... on IdentityDone {
    ok
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on WebAuthnError {
    webAuthnCode: code
    message
  }
}`) as unknown as TypedDocumentString<EnterpriseMemberRemoveMutation, EnterpriseMemberRemoveMutationVariables>;
export const FairMyIdentityDocument = new TypedDocumentString(`
    query FairMyIdentity {
  myIdentity {
    level
    method
    verifiedAt
    onlineAvailable
  }
}
    `) as unknown as TypedDocumentString<FairMyIdentityQuery, FairMyIdentityQueryVariables>;
export const FairVerifyOnlineDocument = new TypedDocumentString(`
    mutation FairVerifyOnline {
  identityVerifyOnline {
    __typename
    ... on IdentityVerified {
      level
      method
      verifiedAt
    }
    ... on AccountError {
      accountCode: code
      message
    }
    ... on TooManyAttempts {
      message
      retryAfterSeconds
    }
  }
}
    `) as unknown as TypedDocumentString<FairVerifyOnlineMutation, FairVerifyOnlineMutationVariables>;
export const FairVerifyAtWindowDocument = new TypedDocumentString(`
    mutation FairVerifyAtWindow($bookingId: ID!, $documentNumber: String!) {
  identityVerifyAtWindow(bookingId: $bookingId, documentNumber: $documentNumber) {
    __typename
    ... on IdentityVerified {
      level
    }
    ... on AccountError {
      accountCode: code
      message
      field
    }
    ... on AppointmentError {
      appointmentCode: code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<FairVerifyAtWindowMutation, FairVerifyAtWindowMutationVariables>;
export const FairDrawsDocument = new TypedDocumentString(`
    query FairDraws($itemCode: String!) {
  appointmentDraws(itemCode: $itemCode) {
    ...FairDraw
  }
}
    fragment FairDraw on AppointmentDraw {
  id
  siteId
  itemCode
  itemName {
    zhHans
    zhHant
    en
  }
  siteName {
    zhHans
    zhHant
    en
  }
  slotsFrom
  slotsTo
  closesAt
  drawn
  seed
  entrantsDigest
  drawnAt
  entryIds
}`) as unknown as TypedDocumentString<FairDrawsQuery, FairDrawsQueryVariables>;
export const FairMyEntriesDocument = new TypedDocumentString(`
    query FairMyEntries {
  myDrawEntries {
    id
    state
    rank
    bookingId
    draw {
      ...FairDraw
    }
  }
}
    fragment FairDraw on AppointmentDraw {
  id
  siteId
  itemCode
  itemName {
    zhHans
    zhHant
    en
  }
  siteName {
    zhHans
    zhHant
    en
  }
  slotsFrom
  slotsTo
  closesAt
  drawn
  seed
  entrantsDigest
  drawnAt
  entryIds
}`) as unknown as TypedDocumentString<FairMyEntriesQuery, FairMyEntriesQueryVariables>;
export const FairDrawEnterDocument = new TypedDocumentString(`
    mutation FairDrawEnter($drawId: ID!) {
  drawEnter(drawId: $drawId) {
    __typename
    ... on DrawEntered {
      entry {
        id
        state
      }
    }
    ... on AppointmentError {
      appointmentCode: code
      message
    }
    ... on ValidationError {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<FairDrawEnterMutation, FairDrawEnterMutationVariables>;
export const FairDrawCreateDocument = new TypedDocumentString(`
    mutation FairDrawCreate($input: DrawCreateInput!) {
  drawCreate(input: $input) {
    __typename
    ... on DrawCreated {
      draw {
        ...FairDraw
      }
    }
    ... on AppointmentError {
      appointmentCode: code
      message
      field
    }
    ... on ValidationError {
      message
      errors {
        field
        message
      }
    }
  }
}
    fragment FairDraw on AppointmentDraw {
  id
  siteId
  itemCode
  itemName {
    zhHans
    zhHant
    en
  }
  siteName {
    zhHans
    zhHant
    en
  }
  slotsFrom
  slotsTo
  closesAt
  drawn
  seed
  entrantsDigest
  drawnAt
  entryIds
}`) as unknown as TypedDocumentString<FairDrawCreateMutation, FairDrawCreateMutationVariables>;
export const FairRuleDocument = new TypedDocumentString(`
    query FairRule($itemCode: String!) {
  fairnessRule(itemCode: $itemCode) {
    ...FairRule
  }
}
    fragment FairRule on FairnessRuleInForce {
  itemCode
  source
  maxPerItem
  maxPerDay
  maxReschedules
  maxCancellations
  changeWindowHours
  verifiedOnly
  updatedAt
}`) as unknown as TypedDocumentString<FairRuleQuery, FairRuleQueryVariables>;
export const FairRuleSetDocument = new TypedDocumentString(`
    mutation FairRuleSet($input: FairnessRuleInput!) {
  fairnessRuleSet(input: $input) {
    __typename
    ... on ValidationError {
      errors {
        field
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FairRuleSetMutation, FairRuleSetMutationVariables>;
export const HelpSearchDocument = new TypedDocumentString(`
    query HelpSearch($text: String!) {
  search(text: $text, first: 10) {
    hits {
      kind
      key
      title
      titleHighlights {
        start
        length
      }
      summary
      summaryHighlights {
        start
        length
      }
      language
      isFallback
    }
    corrections
  }
}
    `) as unknown as TypedDocumentString<HelpSearchQuery, HelpSearchQueryVariables>;
export const HelpArticleDocument = new TypedDocumentString(`
    query HelpArticle($slug: String!) {
  knowledgeArticle(slug: $slug) {
    slug
    category
    version
    effectiveFrom
    title
    body
    language
    isFallback
    availableLanguages
    serviceItems
    dutyCategories
  }
}
    `) as unknown as TypedDocumentString<HelpArticleQuery, HelpArticleQueryVariables>;
export const HelpFeedbackSubmitDocument = new TypedDocumentString(`
    mutation HelpFeedbackSubmit($input: FeedbackSubmitInput!) {
  feedbackSubmit(input: $input) {
    __typename
    ... on FeedbackSubmitSuccess {
      reference
      dueDate
      trackingCode
    }
    ... on ValidationError {
      message
      field
      errors {
        field
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HelpFeedbackSubmitMutation, HelpFeedbackSubmitMutationVariables>;
export const HelpFeedbackStatusDocument = new TypedDocumentString(`
    query HelpFeedbackStatus($reference: String!, $trackingCode: String) {
  feedbackStatus(reference: $reference, trackingCode: $trackingCode) {
    reference
    kind
    status
    dueDate
    publicationConsent
    replies {
      at
      text
    }
  }
}
    `) as unknown as TypedDocumentString<HelpFeedbackStatusQuery, HelpFeedbackStatusQueryVariables>;
export const HelpFeedbackConsentDocument = new TypedDocumentString(`
    mutation HelpFeedbackConsent($input: FeedbackConsentInput!) {
  feedbackConsent(input: $input) {
    __typename
    ... on FeedbackChanged {
      item {
        reference
        publicationConsent
      }
    }
    ... on FeedbackError {
      message
    }
    ... on ValidationError {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<HelpFeedbackConsentMutation, HelpFeedbackConsentMutationVariables>;
export const HelpPublicFeedbackDocument = new TypedDocumentString(`
    query HelpPublicFeedback {
  publicFeedback(first: 20) {
    reference
    kind
    message
    reply
    publishedAt
  }
}
    `) as unknown as TypedDocumentString<HelpPublicFeedbackQuery, HelpPublicFeedbackQueryVariables>;
export const HelpRatingSummaryDocument = new TypedDocumentString(`
    query HelpRatingSummary($siteCode: String) {
  ratingSummary(siteCode: $siteCode) {
    count
    average
  }
}
    `) as unknown as TypedDocumentString<HelpRatingSummaryQuery, HelpRatingSummaryQueryVariables>;
export const HelpMyRatingDocument = new TypedDocumentString(`
    query HelpMyRating($kind: RatedKind!, $subjectId: String!) {
  myRating(kind: $kind, subjectId: $subjectId) {
    stars
    windowStars
    comment
    changeableUntil
  }
}
    `) as unknown as TypedDocumentString<HelpMyRatingQuery, HelpMyRatingQueryVariables>;
export const HelpRatingSaveDocument = new TypedDocumentString(`
    mutation HelpRatingSave($input: RatingSaveInput!) {
  ratingSave(input: $input) {
    __typename
    ... on RatingSaved {
      rating {
        stars
        changeableUntil
      }
    }
    ... on RatingError {
      message
    }
    ... on ValidationError {
      message
      field
      errors {
        field
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HelpRatingSaveMutation, HelpRatingSaveMutationVariables>;
export const HelpOfficerQueueDocument = new TypedDocumentString(`
    query HelpOfficerQueue {
  feedbackQueue(first: 50) {
    reference
    kind
    status
    message
    submittedAt
    dueDate
    escalated
    anonymous
    replies {
      at
      text
    }
  }
  feedbackToPublish(first: 50) {
    reference
    kind
    status
    message
    submittedAt
    dueDate
    escalated
    anonymous
    replies {
      at
      text
    }
  }
}
    `) as unknown as TypedDocumentString<HelpOfficerQueueQuery, HelpOfficerQueueQueryVariables>;
export const HelpOfficerReplyDocument = new TypedDocumentString(`
    mutation HelpOfficerReply($input: FeedbackReplyInput!) {
  feedbackReply(input: $input) {
    __typename
    ... on FeedbackChanged {
      item {
        reference
        status
      }
    }
    ... on FeedbackError {
      code
      message
      field
    }
    ... on ValidationError {
      message
      field
      errors {
        field
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HelpOfficerReplyMutation, HelpOfficerReplyMutationVariables>;
export const HelpOfficerPublishDocument = new TypedDocumentString(`
    mutation HelpOfficerPublish($input: FeedbackPublishInput!) {
  feedbackPublish(input: $input) {
    __typename
    ... on FeedbackChanged {
      item {
        reference
        status
      }
    }
    ... on FeedbackError {
      code
      message
      field
    }
    ... on ValidationError {
      message
      field
      errors {
        field
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HelpOfficerPublishMutation, HelpOfficerPublishMutationVariables>;
export const HelpOfficerArticlesDocument = new TypedDocumentString(`
    query HelpOfficerArticles {
  knowledgeArticles(first: 100) {
    slug
    category
    title
    version
    effectiveFrom
    availableLanguages
  }
}
    `) as unknown as TypedDocumentString<HelpOfficerArticlesQuery, HelpOfficerArticlesQueryVariables>;
export const HelpOfficerArticleDraftDocument = new TypedDocumentString(`
    query HelpOfficerArticleDraft($slug: String!) {
  knowledgeArticleDraft(slug: $slug) {
    slug
    category
    zhHans {
      title
      body
    }
    zhHant {
      title
      body
    }
    en {
      title
      body
    }
    serviceItems
    dutyCategories
    versions {
      version
      effectiveFrom
      editedAt
      languages
      inForce
    }
  }
}
    `) as unknown as TypedDocumentString<HelpOfficerArticleDraftQuery, HelpOfficerArticleDraftQueryVariables>;
export const HelpOfficerArticleSaveDocument = new TypedDocumentString(`
    mutation HelpOfficerArticleSave($input: KnowledgeArticleSaveInput!) {
  knowledgeArticleSave(input: $input) {
    __typename
    ... on KnowledgeArticleSaved {
      savedVersion
      article {
        slug
        title
      }
    }
    ... on ValidationError {
      message
      field
      errors {
        field
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HelpOfficerArticleSaveMutation, HelpOfficerArticleSaveMutationVariables>;
export const IdentityMeDocument = new TypedDocumentString(`
    query IdentityMe {
  me {
    ...IdentityMe
  }
}
    fragment IdentityMe on Me {
  accountId
  kind
  assuranceLevel
  stepUpValidUntil
  signInMethod
  hasPasskey
  needsTotpConfirmation
  person {
    fullName
    dateOfBirth
    nationality
    isResident
    documentType
    documentNumberMasked
    documentExpiry
    email
    mobile
  }
  officer {
    badgeNumber
    fullName
    unit
    roles
  }
  memberships {
    id
    role
    status
    enterprise {
      id
      name
      uscc
    }
  }
}`) as unknown as TypedDocumentString<IdentityMeQuery, IdentityMeQueryVariables>;
export const IdentitySignInStartDocument = new TypedDocumentString(`
    mutation IdentitySignInStart($signInName: String) {
  signInStart(signInName: $signInName) {
    ...IdentityCeremony
  }
}
    fragment IdentityCeremony on CeremonyResult {
  __typename
  ... on PasskeyCeremony {
    challengeId
    optionsJson
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on TooManyAttempts {
    message
    retryAfterSeconds
  }
  ... on SignInError {
    signInCode: code
    message
  }
}`) as unknown as TypedDocumentString<IdentitySignInStartMutation, IdentitySignInStartMutationVariables>;
export const IdentitySignInFinishDocument = new TypedDocumentString(`
    mutation IdentitySignInFinish($challengeId: ID!, $credentialJson: String!) {
  signInFinish(challengeId: $challengeId, credentialJson: $credentialJson) {
    ...IdentitySignInOutcome
  }
}
    fragment IdentityMe on Me {
  accountId
  kind
  assuranceLevel
  stepUpValidUntil
  signInMethod
  hasPasskey
  needsTotpConfirmation
  person {
    fullName
    dateOfBirth
    nationality
    isResident
    documentType
    documentNumberMasked
    documentExpiry
    email
    mobile
  }
  officer {
    badgeNumber
    fullName
    unit
    roles
  }
  memberships {
    id
    role
    status
    enterprise {
      id
      name
      uscc
    }
  }
}
fragment IdentitySignInOutcome on SignInResult {
  __typename
  ... on SignInSuccess {
    me {
      ...IdentityMe
    }
  }
  ... on WebAuthnError {
    webAuthnCode: code
    message
  }
  ... on SignInError {
    signInCode: code
    message
  }
  ... on TooManyAttempts {
    message
    retryAfterSeconds
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
}`) as unknown as TypedDocumentString<IdentitySignInFinishMutation, IdentitySignInFinishMutationVariables>;
export const IdentitySignInWithPasswordDocument = new TypedDocumentString(`
    mutation IdentitySignInWithPassword($signInName: String!, $password: String!, $totpCode: String, $recoveryCode: String) {
  signInWithPassword(
    signInName: $signInName
    password: $password
    totpCode: $totpCode
    recoveryCode: $recoveryCode
  ) {
    ...IdentitySignInOutcome
  }
}
    fragment IdentityMe on Me {
  accountId
  kind
  assuranceLevel
  stepUpValidUntil
  signInMethod
  hasPasskey
  needsTotpConfirmation
  person {
    fullName
    dateOfBirth
    nationality
    isResident
    documentType
    documentNumberMasked
    documentExpiry
    email
    mobile
  }
  officer {
    badgeNumber
    fullName
    unit
    roles
  }
  memberships {
    id
    role
    status
    enterprise {
      id
      name
      uscc
    }
  }
}
fragment IdentitySignInOutcome on SignInResult {
  __typename
  ... on SignInSuccess {
    me {
      ...IdentityMe
    }
  }
  ... on WebAuthnError {
    webAuthnCode: code
    message
  }
  ... on SignInError {
    signInCode: code
    message
  }
  ... on TooManyAttempts {
    message
    retryAfterSeconds
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
}`) as unknown as TypedDocumentString<IdentitySignInWithPasswordMutation, IdentitySignInWithPasswordMutationVariables>;
export const IdentityAccountCreateStartDocument = new TypedDocumentString(`
    mutation IdentityAccountCreateStart($input: PersonInput!) {
  accountCreateStart(input: $input) {
    ...IdentityCeremony
  }
}
    fragment IdentityCeremony on CeremonyResult {
  __typename
  ... on PasskeyCeremony {
    challengeId
    optionsJson
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on TooManyAttempts {
    message
    retryAfterSeconds
  }
  ... on SignInError {
    signInCode: code
    message
  }
}`) as unknown as TypedDocumentString<IdentityAccountCreateStartMutation, IdentityAccountCreateStartMutationVariables>;
export const IdentityAccountCreateFinishDocument = new TypedDocumentString(`
    mutation IdentityAccountCreateFinish($challengeId: ID!, $credentialJson: String!, $passkeyName: String!) {
  accountCreateFinish(
    challengeId: $challengeId
    credentialJson: $credentialJson
    passkeyName: $passkeyName
  ) {
    ...IdentitySignInOutcome
  }
}
    fragment IdentityMe on Me {
  accountId
  kind
  assuranceLevel
  stepUpValidUntil
  signInMethod
  hasPasskey
  needsTotpConfirmation
  person {
    fullName
    dateOfBirth
    nationality
    isResident
    documentType
    documentNumberMasked
    documentExpiry
    email
    mobile
  }
  officer {
    badgeNumber
    fullName
    unit
    roles
  }
  memberships {
    id
    role
    status
    enterprise {
      id
      name
      uscc
    }
  }
}
fragment IdentitySignInOutcome on SignInResult {
  __typename
  ... on SignInSuccess {
    me {
      ...IdentityMe
    }
  }
  ... on WebAuthnError {
    webAuthnCode: code
    message
  }
  ... on SignInError {
    signInCode: code
    message
  }
  ... on TooManyAttempts {
    message
    retryAfterSeconds
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
}`) as unknown as TypedDocumentString<IdentityAccountCreateFinishMutation, IdentityAccountCreateFinishMutationVariables>;
export const IdentityAccountCreateWithPasswordDocument = new TypedDocumentString(`
    mutation IdentityAccountCreateWithPassword($input: PersonInput!, $password: String!) {
  accountCreateWithPassword(input: $input, password: $password) {
    __typename
    ... on PasswordAccountCreated {
      totpSecret
      totpUri
      me {
        ...IdentityMe
      }
    }
    ... on ValidationError {
      validationCode: code
      message
      field
      errors {
        field
        validationCode: code
        message
      }
    }
    ... on AccountError {
      accountCode: code
      message
      field
    }
  }
}
    fragment IdentityMe on Me {
  accountId
  kind
  assuranceLevel
  stepUpValidUntil
  signInMethod
  hasPasskey
  needsTotpConfirmation
  person {
    fullName
    dateOfBirth
    nationality
    isResident
    documentType
    documentNumberMasked
    documentExpiry
    email
    mobile
  }
  officer {
    badgeNumber
    fullName
    unit
    roles
  }
  memberships {
    id
    role
    status
    enterprise {
      id
      name
      uscc
    }
  }
}`) as unknown as TypedDocumentString<IdentityAccountCreateWithPasswordMutation, IdentityAccountCreateWithPasswordMutationVariables>;
export const IdentityPendingTotpDocument = new TypedDocumentString(`
    query IdentityPendingTotp {
  pendingTotp {
    secret
    uri
  }
}
    `) as unknown as TypedDocumentString<IdentityPendingTotpQuery, IdentityPendingTotpQueryVariables>;
export const IdentityTotpConfirmDocument = new TypedDocumentString(`
    mutation IdentityTotpConfirm($code: String!) {
  totpConfirm(code: $code) {
    __typename
    ... on TotpConfirmed {
      recoveryCodes
      me {
        ...IdentityMe
      }
    }
    ... on SignInError {
      signInCode: code
      message
    }
    ... on AccountError {
      accountCode: code
      message
      field
    }
  }
}
    fragment IdentityMe on Me {
  accountId
  kind
  assuranceLevel
  stepUpValidUntil
  signInMethod
  hasPasskey
  needsTotpConfirmation
  person {
    fullName
    dateOfBirth
    nationality
    isResident
    documentType
    documentNumberMasked
    documentExpiry
    email
    mobile
  }
  officer {
    badgeNumber
    fullName
    unit
    roles
  }
  memberships {
    id
    role
    status
    enterprise {
      id
      name
      uscc
    }
  }
}`) as unknown as TypedDocumentString<IdentityTotpConfirmMutation, IdentityTotpConfirmMutationVariables>;
export const IdentityStepUpStartDocument = new TypedDocumentString(`
    mutation IdentityStepUpStart {
  stepUpStart {
    ...IdentityCeremony
  }
}
    fragment IdentityCeremony on CeremonyResult {
  __typename
  ... on PasskeyCeremony {
    challengeId
    optionsJson
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on TooManyAttempts {
    message
    retryAfterSeconds
  }
  ... on SignInError {
    signInCode: code
    message
  }
}`) as unknown as TypedDocumentString<IdentityStepUpStartMutation, IdentityStepUpStartMutationVariables>;
export const IdentityStepUpFinishDocument = new TypedDocumentString(`
    mutation IdentityStepUpFinish($challengeId: ID!, $credentialJson: String!) {
  stepUpFinish(challengeId: $challengeId, credentialJson: $credentialJson) {
    __typename
    ... on StepUpSuccess {
      validUntil
    }
    ... on WebAuthnError {
      webAuthnCode: code
      message
    }
    ... on AccountError {
      accountCode: code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<IdentityStepUpFinishMutation, IdentityStepUpFinishMutationVariables>;
export const IdentitySignOutDocument = new TypedDocumentString(`
    mutation IdentitySignOut {
  signOut {
    ...IdentityOutcome
  }
}
    fragment IdentityOutcome on IdentityResult {
  __typename
  ... on IdentityDone {
    ok
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on WebAuthnError {
    webAuthnCode: code
    message
  }
}`) as unknown as TypedDocumentString<IdentitySignOutMutation, IdentitySignOutMutationVariables>;
export const IdentitySignOutEverywhereDocument = new TypedDocumentString(`
    mutation IdentitySignOutEverywhere {
  signOutEverywhere {
    ...IdentityOutcome
  }
}
    fragment IdentityOutcome on IdentityResult {
  __typename
  ... on IdentityDone {
    ok
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on WebAuthnError {
    webAuthnCode: code
    message
  }
}`) as unknown as TypedDocumentString<IdentitySignOutEverywhereMutation, IdentitySignOutEverywhereMutationVariables>;
export const IdentitySessionEndDocument = new TypedDocumentString(`
    mutation IdentitySessionEnd($sessionId: ID!) {
  sessionEnd(sessionId: $sessionId) {
    ...IdentityOutcome
  }
}
    fragment IdentityOutcome on IdentityResult {
  __typename
  ... on IdentityDone {
    ok
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on WebAuthnError {
    webAuthnCode: code
    message
  }
}`) as unknown as TypedDocumentString<IdentitySessionEndMutation, IdentitySessionEndMutationVariables>;
export const IdentitySecurityDocument = new TypedDocumentString(`
    query IdentitySecurity {
  myPasskeys {
    id
    name
    createdAt
    lastUsedAt
    synced
  }
  mySessions {
    id
    current
    createdAt
    lastSeenAt
    userAgent
    signInMethod
  }
}
    `) as unknown as TypedDocumentString<IdentitySecurityQuery, IdentitySecurityQueryVariables>;
export const IdentityPasskeyAddStartDocument = new TypedDocumentString(`
    mutation IdentityPasskeyAddStart {
  passkeyAddStart {
    ...IdentityCeremony
  }
}
    fragment IdentityCeremony on CeremonyResult {
  __typename
  ... on PasskeyCeremony {
    challengeId
    optionsJson
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on TooManyAttempts {
    message
    retryAfterSeconds
  }
  ... on SignInError {
    signInCode: code
    message
  }
}`) as unknown as TypedDocumentString<IdentityPasskeyAddStartMutation, IdentityPasskeyAddStartMutationVariables>;
export const IdentityPasskeyAddFinishDocument = new TypedDocumentString(`
    mutation IdentityPasskeyAddFinish($challengeId: ID!, $credentialJson: String!, $name: String!) {
  passkeyAddFinish(
    challengeId: $challengeId
    credentialJson: $credentialJson
    name: $name
  ) {
    ...IdentityOutcome
  }
}
    fragment IdentityOutcome on IdentityResult {
  __typename
  ... on IdentityDone {
    ok
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on WebAuthnError {
    webAuthnCode: code
    message
  }
}`) as unknown as TypedDocumentString<IdentityPasskeyAddFinishMutation, IdentityPasskeyAddFinishMutationVariables>;
export const IdentityPasskeyRenameDocument = new TypedDocumentString(`
    mutation IdentityPasskeyRename($passkeyId: ID!, $name: String!) {
  passkeyRename(passkeyId: $passkeyId, name: $name) {
    ...IdentityOutcome
  }
}
    fragment IdentityOutcome on IdentityResult {
  __typename
  ... on IdentityDone {
    ok
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on WebAuthnError {
    webAuthnCode: code
    message
  }
}`) as unknown as TypedDocumentString<IdentityPasskeyRenameMutation, IdentityPasskeyRenameMutationVariables>;
export const IdentityPasskeyRevokeDocument = new TypedDocumentString(`
    mutation IdentityPasskeyRevoke($passkeyId: ID!) {
  passkeyRevoke(passkeyId: $passkeyId) {
    ...IdentityOutcome
  }
}
    fragment IdentityOutcome on IdentityResult {
  __typename
  ... on IdentityDone {
    ok
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on WebAuthnError {
    webAuthnCode: code
    message
  }
}`) as unknown as TypedDocumentString<IdentityPasskeyRevokeMutation, IdentityPasskeyRevokeMutationVariables>;
export const IdentityAccountDeleteDocument = new TypedDocumentString(`
    mutation IdentityAccountDelete {
  accountDelete {
    ...IdentityOutcome
  }
}
    fragment IdentityOutcome on IdentityResult {
  __typename
  ... on IdentityDone {
    ok
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on WebAuthnError {
    webAuthnCode: code
    message
  }
}`) as unknown as TypedDocumentString<IdentityAccountDeleteMutation, IdentityAccountDeleteMutationVariables>;
export const IdentityStepUpWithPasswordDocument = new TypedDocumentString(`
    mutation IdentityStepUpWithPassword($password: String!, $totpCode: String!) {
  stepUpWithPassword(password: $password, totpCode: $totpCode) {
    __typename
    ... on StepUpSuccess {
      validUntil
    }
    ... on SignInError {
      signInCode: code
      message
    }
    ... on TooManyAttempts {
      message
      retryAfterSeconds
    }
    ... on AccountError {
      accountCode: code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<IdentityStepUpWithPasswordMutation, IdentityStepUpWithPasswordMutationVariables>;
export const NotificationsUnreadCountDocument = new TypedDocumentString(`
    query NotificationsUnreadCount {
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<NotificationsUnreadCountQuery, NotificationsUnreadCountQueryVariables>;
export const NotificationsInboxDocument = new TypedDocumentString(`
    query NotificationsInbox($first: Int!, $after: String, $unreadOnly: Boolean!) {
  myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    nodes {
      id
      type
      title
      body
      link
      topic
      urgency
      createdAt
      readAt
      superseded
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    unreadCount
  }
}
    `) as unknown as TypedDocumentString<NotificationsInboxQuery, NotificationsInboxQueryVariables>;
export const NotificationsMarkReadDocument = new TypedDocumentString(`
    mutation NotificationsMarkRead($notificationId: ID!) {
  notificationMarkRead(notificationId: $notificationId) {
    ...NotificationsOutcome
  }
}
    fragment NotificationsOutcome on NotificationResult {
  __typename
  ... on NotificationDone {
    changed
  }
  ... on NotificationError {
    notificationCode
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
}`) as unknown as TypedDocumentString<NotificationsMarkReadMutation, NotificationsMarkReadMutationVariables>;
export const NotificationsMarkAllReadDocument = new TypedDocumentString(`
    mutation NotificationsMarkAllRead {
  notificationMarkAllRead {
    ...NotificationsOutcome
  }
}
    fragment NotificationsOutcome on NotificationResult {
  __typename
  ... on NotificationDone {
    changed
  }
  ... on NotificationError {
    notificationCode
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
}`) as unknown as TypedDocumentString<NotificationsMarkAllReadMutation, NotificationsMarkAllReadMutationVariables>;
export const NotificationsPushKeyDocument = new TypedDocumentString(`
    query NotificationsPushKey {
  serverInfo {
    vapidPublicKey
  }
}
    `) as unknown as TypedDocumentString<NotificationsPushKeyQuery, NotificationsPushKeyQueryVariables>;
export const NotificationsPushSaveDocument = new TypedDocumentString(`
    mutation NotificationsPushSave($endpoint: String!, $p256dh: String!, $auth: String!, $categories: [String!]!, $device: String!) {
  pushSubscriptionSave(
    endpoint: $endpoint
    p256dh: $p256dh
    auth: $auth
    categories: $categories
    device: $device
  ) {
    ...NotificationsOutcome
  }
}
    fragment NotificationsOutcome on NotificationResult {
  __typename
  ... on NotificationDone {
    changed
  }
  ... on NotificationError {
    notificationCode
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
}`) as unknown as TypedDocumentString<NotificationsPushSaveMutation, NotificationsPushSaveMutationVariables>;
export const NotificationsPushDeleteDocument = new TypedDocumentString(`
    mutation NotificationsPushDelete($endpoint: String!) {
  pushSubscriptionDelete(endpoint: $endpoint) {
    ...NotificationsOutcome
  }
}
    fragment NotificationsOutcome on NotificationResult {
  __typename
  ... on NotificationDone {
    changed
  }
  ... on NotificationError {
    notificationCode
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
}`) as unknown as TypedDocumentString<NotificationsPushDeleteMutation, NotificationsPushDeleteMutationVariables>;
export const NotificationsSettingsDocument = new TypedDocumentString(`
    query NotificationsSettings {
  myNotificationSettings {
    quietStart
    quietEnd
    timezone
    policyCategories
    availablePolicyCategories
    availablePushCategories
  }
}
    `) as unknown as TypedDocumentString<NotificationsSettingsQuery, NotificationsSettingsQueryVariables>;
export const NotificationsSettingsSaveDocument = new TypedDocumentString(`
    mutation NotificationsSettingsSave($policyCategories: [String!]!, $quietStart: Time, $quietEnd: Time, $timezone: String!) {
  notificationSettingsSave(
    policyCategories: $policyCategories
    quietStart: $quietStart
    quietEnd: $quietEnd
    timezone: $timezone
  ) {
    ...NotificationsOutcome
  }
}
    fragment NotificationsOutcome on NotificationResult {
  __typename
  ... on NotificationDone {
    changed
  }
  ... on NotificationError {
    notificationCode
    message
    field
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
}`) as unknown as TypedDocumentString<NotificationsSettingsSaveMutation, NotificationsSettingsSaveMutationVariables>;
export const NotificationsPublishContextDocument = new TypedDocumentString(`
    query NotificationsPublishContext {
  myNotificationSettings {
    availablePolicyCategories
  }
  serviceItems(first: 50) {
    nodes {
      code
      name {
        zhHans
        zhHant
        en
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationsPublishContextQuery, NotificationsPublishContextQueryVariables>;
export const NotificationsPublishDocument = new TypedDocumentString(`
    mutation NotificationsPublish($input: PolicyNoticeInput!) {
  policyNoticePublish(input: $input) {
    __typename
    ... on PolicyNoticePublished {
      id
      category
    }
    ... on ValidationError {
      validationCode: code
      message
      field
      errors {
        field
        validationCode: code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationsPublishMutation, NotificationsPublishMutationVariables>;
export const OfficerEnrolStartDocument = new TypedDocumentString(`
    mutation OfficerEnrolStart($badgeNumber: String!, $code: String!) {
  officerEnrolStart(badgeNumber: $badgeNumber, code: $code) {
    ...IdentityCeremony
  }
}
    fragment IdentityCeremony on CeremonyResult {
  __typename
  ... on PasskeyCeremony {
    challengeId
    optionsJson
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
  ... on TooManyAttempts {
    message
    retryAfterSeconds
  }
  ... on SignInError {
    signInCode: code
    message
  }
}`) as unknown as TypedDocumentString<OfficerEnrolStartMutation, OfficerEnrolStartMutationVariables>;
export const OfficerEnrolFinishDocument = new TypedDocumentString(`
    mutation OfficerEnrolFinish($challengeId: ID!, $credentialJson: String!, $passkeyName: String!) {
  officerEnrolFinish(
    challengeId: $challengeId
    credentialJson: $credentialJson
    passkeyName: $passkeyName
  ) {
    ...IdentitySignInOutcome
  }
}
    fragment IdentityMe on Me {
  accountId
  kind
  assuranceLevel
  stepUpValidUntil
  signInMethod
  hasPasskey
  needsTotpConfirmation
  person {
    fullName
    dateOfBirth
    nationality
    isResident
    documentType
    documentNumberMasked
    documentExpiry
    email
    mobile
  }
  officer {
    badgeNumber
    fullName
    unit
    roles
  }
  memberships {
    id
    role
    status
    enterprise {
      id
      name
      uscc
    }
  }
}
fragment IdentitySignInOutcome on SignInResult {
  __typename
  ... on SignInSuccess {
    me {
      ...IdentityMe
    }
  }
  ... on WebAuthnError {
    webAuthnCode: code
    message
  }
  ... on SignInError {
    signInCode: code
    message
  }
  ... on TooManyAttempts {
    message
    retryAfterSeconds
  }
  ... on ValidationError {
    validationCode: code
    message
    field
    errors {
      field
      validationCode: code
      message
    }
  }
  ... on AccountError {
    accountCode: code
    message
    field
  }
}`) as unknown as TypedDocumentString<OfficerEnrolFinishMutation, OfficerEnrolFinishMutationVariables>;
export const PaymentOfDeclarationDocument = new TypedDocumentString(`
    query PaymentOfDeclaration($declarationId: ID!) {
  declarationPayment(declarationId: $declarationId) {
    ...DeclarationPaymentFields
  }
}
    fragment PaymentIntentFields on PaymentIntent {
  id
  number
  state
  basis
  amountFen
  refundedFen
  codeUrl
  createdAt
  expiresAt
  succeededAt
}
fragment DeclarationPaymentFields on DeclarationPayment {
  number
  state
  basis
  final
  dueFen
  paidFen
  balanceFen
  refundPendingFen
  receipt
  openIntent {
    ...PaymentIntentFields
  }
  intents {
    ...PaymentIntentFields
  }
}`) as unknown as TypedDocumentString<PaymentOfDeclarationQuery, PaymentOfDeclarationQueryVariables>;
export const PaymentStartDocument = new TypedDocumentString(`
    mutation PaymentStart($declarationId: ID!, $idempotencyKey: String!) {
  paymentStart(declarationId: $declarationId, idempotencyKey: $idempotencyKey) {
    __typename
    ... on PaymentStarted {
      replayed
      intent {
        ...PaymentIntentFields
      }
    }
    ... on PaymentError {
      paymentCode: code
      message
    }
    ... on ValidationError {
      message
    }
  }
}
    fragment PaymentIntentFields on PaymentIntent {
  id
  number
  state
  basis
  amountFen
  refundedFen
  codeUrl
  createdAt
  expiresAt
  succeededAt
}`) as unknown as TypedDocumentString<PaymentStartMutation, PaymentStartMutationVariables>;
export const PaymentReconciliationDocument = new TypedDocumentString(`
    query PaymentReconciliation {
  paymentReconciliation(first: 50) {
    unknown {
      ...PaymentIntentFields
    }
    mismatches {
      orderNumber
      outcome
      receivedAt
    }
    refundsPending {
      id
      number
      amountFen
      reason
      createdAt
    }
    refundsFailed {
      id
      number
      amountFen
      reason
      createdAt
    }
  }
}
    fragment PaymentIntentFields on PaymentIntent {
  id
  number
  state
  basis
  amountFen
  refundedFen
  codeUrl
  createdAt
  expiresAt
  succeededAt
}`) as unknown as TypedDocumentString<PaymentReconciliationQuery, PaymentReconciliationQueryVariables>;
export const PaymentOfApplicationFeeDocument = new TypedDocumentString(`
    query PaymentOfApplicationFee($applicationId: ID!) {
  applicationFeePayment(applicationId: $applicationId) {
    ...ApplicationFeePaymentFields
  }
}
    fragment PaymentIntentFields on PaymentIntent {
  id
  number
  state
  basis
  amountFen
  refundedFen
  codeUrl
  createdAt
  expiresAt
  succeededAt
}
fragment ApplicationFeePaymentFields on ApplicationFeePayment {
  applicationId
  number
  state
  feeDue
  dueFen
  paidFen
  receipt
  receiptOrder
  openIntent {
    ...PaymentIntentFields
  }
  intents {
    ...PaymentIntentFields
  }
}`) as unknown as TypedDocumentString<PaymentOfApplicationFeeQuery, PaymentOfApplicationFeeQueryVariables>;
export const PaymentOfApplicationFeeForReviewDocument = new TypedDocumentString(`
    query PaymentOfApplicationFeeForReview($applicationId: ID!) {
  applicationFeePaymentForReview(applicationId: $applicationId) {
    state
    dueFen
    paidFen
    receiptOrder
  }
}
    `) as unknown as TypedDocumentString<PaymentOfApplicationFeeForReviewQuery, PaymentOfApplicationFeeForReviewQueryVariables>;
export const PaymentApplicationFeeStartDocument = new TypedDocumentString(`
    mutation PaymentApplicationFeeStart($applicationId: ID!, $idempotencyKey: String!) {
  applicationFeePaymentStart(
    applicationId: $applicationId
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ... on PaymentStarted {
      replayed
      intent {
        ...PaymentIntentFields
      }
    }
    ... on PaymentError {
      paymentCode: code
      message
    }
    ... on ValidationError {
      message
    }
  }
}
    fragment PaymentIntentFields on PaymentIntent {
  id
  number
  state
  basis
  amountFen
  refundedFen
  codeUrl
  createdAt
  expiresAt
  succeededAt
}`) as unknown as TypedDocumentString<PaymentApplicationFeeStartMutation, PaymentApplicationFeeStartMutationVariables>;
export const PaymentRequeryDocument = new TypedDocumentString(`
    mutation PaymentRequery($intentId: ID!) {
  paymentRequery(intentId: $intentId) {
    __typename
    ... on PaymentRequeried {
      outcome
      intent {
        ...PaymentIntentFields
      }
    }
    ... on PaymentError {
      paymentCode: code
      message
    }
    ... on ValidationError {
      message
    }
  }
}
    fragment PaymentIntentFields on PaymentIntent {
  id
  number
  state
  basis
  amountFen
  refundedFen
  codeUrl
  createdAt
  expiresAt
  succeededAt
}`) as unknown as TypedDocumentString<PaymentRequeryMutation, PaymentRequeryMutationVariables>;
export const PaymentRefundRetryDocument = new TypedDocumentString(`
    mutation PaymentRefundRetry($refundId: ID!) {
  paymentRefundRetry(refundId: $refundId) {
    __typename
    ... on PaymentRefundRetried {
      refund {
        number
        state
      }
    }
    ... on PaymentError {
      paymentCode: code
      message
    }
    ... on ValidationError {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<PaymentRefundRetryMutation, PaymentRefundRetryMutationVariables>;
export const ReviewsQueueDocument = new TypedDocumentString(`
    query ReviewsQueue {
  reviewQueue(first: 100) {
    ...ReviewsTask
  }
}
    fragment ReviewsTask on ReviewTask {
  review {
    id
    level
    department
    status
    revision
  }
  application {
    id
    number
    itemCode
    itemName {
      zhHans
      zhHant
      en
    }
    status
    revision
    form {
      element
      value
    }
    materials {
      material
      documentId
    }
    submittedAt
    dueDate
    daysLeft
    paused
  }
  changes {
    fields
    materials
  }
  draftJson
  claimedByMe
}`) as unknown as TypedDocumentString<ReviewsQueueQuery, ReviewsQueueQueryVariables>;
export const ReviewsDictionaryDocument = new TypedDocumentString(`
    query ReviewsDictionary {
  materialTypes {
    code
    name {
      zhHans
      zhHant
      en
    }
    originalOnSite
  }
  dataElements {
    code
    name {
      zhHans
      zhHant
      en
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewsDictionaryQuery, ReviewsDictionaryQueryVariables>;
export const ReviewsClaimDocument = new TypedDocumentString(`
    mutation ReviewsClaim($reviewId: ID!) {
  reviewClaim(reviewId: $reviewId) {
    ...ReviewsResult
  }
}
    fragment ReviewsResult on ApplicationResult {
  __typename
  ... on ApplicationDone {
    applicationId
    status
  }
  ... on ValidationError {
    message
    errors {
      field
      code
      message
    }
  }
  ... on ApplicationError {
    applicationCode
    message
    field
  }
}`) as unknown as TypedDocumentString<ReviewsClaimMutation, ReviewsClaimMutationVariables>;
export const ReviewsReleaseDocument = new TypedDocumentString(`
    mutation ReviewsRelease($reviewId: ID!) {
  reviewRelease(reviewId: $reviewId) {
    ...ReviewsResult
  }
}
    fragment ReviewsResult on ApplicationResult {
  __typename
  ... on ApplicationDone {
    applicationId
    status
  }
  ... on ValidationError {
    message
    errors {
      field
      code
      message
    }
  }
  ... on ApplicationError {
    applicationCode
    message
    field
  }
}`) as unknown as TypedDocumentString<ReviewsReleaseMutation, ReviewsReleaseMutationVariables>;
export const ReviewsDraftSaveDocument = new TypedDocumentString(`
    mutation ReviewsDraftSave($reviewId: ID!, $draftJson: String!) {
  reviewDraftSave(reviewId: $reviewId, draftJson: $draftJson) {
    ...ReviewsResult
  }
}
    fragment ReviewsResult on ApplicationResult {
  __typename
  ... on ApplicationDone {
    applicationId
    status
  }
  ... on ValidationError {
    message
    errors {
      field
      code
      message
    }
  }
  ... on ApplicationError {
    applicationCode
    message
    field
  }
}`) as unknown as TypedDocumentString<ReviewsDraftSaveMutation, ReviewsDraftSaveMutationVariables>;
export const ReviewsCorrectionsSendDocument = new TypedDocumentString(`
    mutation ReviewsCorrectionsSend($reviewId: ID!, $corrections: [CorrectionItemInput!]!) {
  reviewCorrectionsSend(reviewId: $reviewId, corrections: $corrections) {
    ...ReviewsResult
  }
}
    fragment ReviewsResult on ApplicationResult {
  __typename
  ... on ApplicationDone {
    applicationId
    status
  }
  ... on ValidationError {
    message
    errors {
      field
      code
      message
    }
  }
  ... on ApplicationError {
    applicationCode
    message
    field
  }
}`) as unknown as TypedDocumentString<ReviewsCorrectionsSendMutation, ReviewsCorrectionsSendMutationVariables>;
export const ReviewsDecideDocument = new TypedDocumentString(`
    mutation ReviewsDecide($reviewId: ID!, $passed: Boolean!) {
  reviewDecide(reviewId: $reviewId, passed: $passed) {
    ...ReviewsResult
  }
}
    fragment ReviewsResult on ApplicationResult {
  __typename
  ... on ApplicationDone {
    applicationId
    status
  }
  ... on ValidationError {
    message
    errors {
      field
      code
      message
    }
  }
  ... on ApplicationError {
    applicationCode
    message
    field
  }
}`) as unknown as TypedDocumentString<ReviewsDecideMutation, ReviewsDecideMutationVariables>;
export const ReviewsQueueEventsDocument = new TypedDocumentString(`
    subscription ReviewsQueueEvents {
  reviewQueueEvents {
    applicationNumber
    status
  }
}
    `) as unknown as TypedDocumentString<ReviewsQueueEventsSubscription, ReviewsQueueEventsSubscriptionVariables>;
export const ServicesCatalogueDocument = new TypedDocumentString(`
    query ServicesCatalogue($search: String, $category: ServiceCategory, $handlingMode: HandlingMode, $after: String) {
  serviceItems(
    search: $search
    category: $category
    handlingMode: $handlingMode
    first: 50
    after: $after
  ) {
    nodes {
      ...ServicesItemSummary
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ServicesText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment ServicesItemSummary on ServiceItemInfo {
  code
  category
  handlingMode
  name {
    ...ServicesText
  }
  description {
    ...ServicesText
  }
  timeLimitDays
}`) as unknown as TypedDocumentString<ServicesCatalogueQuery, ServicesCatalogueQueryVariables>;
export const ServicesItemDocument = new TypedDocumentString(`
    query ServicesItem($code: String!) {
  serviceItem(code: $code) {
    ...ServicesItemFull
  }
  materialTypes {
    ...ServicesMaterialType
  }
  dataElements {
    ...ServicesDataElement
  }
}
    fragment ServicesText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment ServicesItemFull on ServiceItemInfo {
  code
  version
  category
  handlingMode
  name {
    ...ServicesText
  }
  description {
    ...ServicesText
  }
  legalBasis {
    ...ServicesText
  }
  conditions {
    ...ServicesText
  }
  fees {
    ...ServicesText
  }
  fee {
    amountFen
    due
  }
  onsiteReason {
    ...ServicesText
  }
  form {
    element
    required
  }
  materials {
    material
    required
  }
  departments
  reviewLevels
  timeLimitDays
}
fragment ServicesMaterialType on MaterialTypeInfo {
  code
  name {
    ...ServicesText
  }
  acceptedFormats
  maxBytes
  originalOnSite
  reusable
  requiresValidity
}
fragment ServicesDataElement on DataElementInfo {
  code
  name {
    ...ServicesText
  }
  definition {
    ...ServicesText
  }
  format
  ruleJson
}`) as unknown as TypedDocumentString<ServicesItemQuery, ServicesItemQueryVariables>;
export const ServicesApplyContextDocument = new TypedDocumentString(`
    query ServicesApplyContext {
  me {
    person {
      fullName
      mobile
      email
    }
  }
  myApplications(first: 20) {
    id
    itemCode
    form {
      element
      value
    }
    submittedAt
  }
  myDocuments(first: 100) {
    nodes {
      ...ServicesDocument
    }
  }
  myApplicationDrafts {
    ...ServicesServerDraft
  }
}
    fragment ServicesText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment ServicesDocument on Document {
  id
  materialCode
  label
  format
  issueDate
  expiryDate
  expired
  url
  createdAt
}
fragment ServicesServerDraft on ApplicationDraftInfo {
  itemCode
  itemName {
    ...ServicesText
  }
  version
  dataJson
  updatedAt
  device
}`) as unknown as TypedDocumentString<ServicesApplyContextQuery, ServicesApplyContextQueryVariables>;
export const ServicesApplicationOneDocument = new TypedDocumentString(`
    query ServicesApplicationOne($id: ID!) {
  application(id: $id) {
    ...ServicesApplication
  }
}
    fragment ServicesText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment ServicesApplication on Application {
  id
  number
  itemCode
  itemName {
    ...ServicesText
  }
  status
  revision
  form {
    element
    value
  }
  materials {
    material
    documentId
  }
  submittedAt
  dueDate
  daysLeft
  paused
  corrections {
    target
    problem
    action
    department
  }
  timeline {
    at
    kind
    actor
  }
  rating
  appointmentNext
}`) as unknown as TypedDocumentString<ServicesApplicationOneQuery, ServicesApplicationOneQueryVariables>;
export const ServicesMyApplicationsDocument = new TypedDocumentString(`
    query ServicesMyApplications {
  myApplications(first: 20) {
    id
    number
    itemCode
    itemName {
      ...ServicesText
    }
    status
    dueDate
    daysLeft
    paused
  }
}
    fragment ServicesText on LocalizedText {
  zhHans
  zhHant
  en
}`) as unknown as TypedDocumentString<ServicesMyApplicationsQuery, ServicesMyApplicationsQueryVariables>;
export const ServicesApplicationSubmitDocument = new TypedDocumentString(`
    mutation ServicesApplicationSubmit($itemCode: String!, $formData: [FormValueInput!]!, $materials: [MaterialRefInput!]!, $idempotencyKey: String!) {
  applicationSubmit(
    itemCode: $itemCode
    formData: $formData
    materials: $materials
    idempotencyKey: $idempotencyKey
  ) {
    ...ServicesResult
  }
}
    fragment ServicesResult on ApplicationResult {
  __typename
  ... on ApplicationDone {
    applicationId
    status
  }
  ... on ValidationError {
    message
    errors {
      field
      code
      message
    }
  }
  ... on ApplicationError {
    applicationCode
    message
    field
  }
}`) as unknown as TypedDocumentString<ServicesApplicationSubmitMutation, ServicesApplicationSubmitMutationVariables>;
export const ServicesApplicationResubmitDocument = new TypedDocumentString(`
    mutation ServicesApplicationResubmit($applicationId: ID!, $formData: [FormValueInput!]!, $materials: [MaterialRefInput!]!) {
  applicationResubmit(
    applicationId: $applicationId
    formData: $formData
    materials: $materials
  ) {
    ...ServicesResult
  }
}
    fragment ServicesResult on ApplicationResult {
  __typename
  ... on ApplicationDone {
    applicationId
    status
  }
  ... on ValidationError {
    message
    errors {
      field
      code
      message
    }
  }
  ... on ApplicationError {
    applicationCode
    message
    field
  }
}`) as unknown as TypedDocumentString<ServicesApplicationResubmitMutation, ServicesApplicationResubmitMutationVariables>;
export const ServicesApplicationRateDocument = new TypedDocumentString(`
    mutation ServicesApplicationRate($applicationId: ID!, $rating: Int!, $comment: String!) {
  applicationRate(
    applicationId: $applicationId
    rating: $rating
    comment: $comment
  ) {
    ...ServicesResult
  }
}
    fragment ServicesResult on ApplicationResult {
  __typename
  ... on ApplicationDone {
    applicationId
    status
  }
  ... on ValidationError {
    message
    errors {
      field
      code
      message
    }
  }
  ... on ApplicationError {
    applicationCode
    message
    field
  }
}`) as unknown as TypedDocumentString<ServicesApplicationRateMutation, ServicesApplicationRateMutationVariables>;
export const ServicesApplicationWithdrawDocument = new TypedDocumentString(`
    mutation ServicesApplicationWithdraw($applicationId: ID!) {
  applicationWithdraw(applicationId: $applicationId) {
    ...ServicesResult
  }
}
    fragment ServicesResult on ApplicationResult {
  __typename
  ... on ApplicationDone {
    applicationId
    status
  }
  ... on ValidationError {
    message
    errors {
      field
      code
      message
    }
  }
  ... on ApplicationError {
    applicationCode
    message
    field
  }
}`) as unknown as TypedDocumentString<ServicesApplicationWithdrawMutation, ServicesApplicationWithdrawMutationVariables>;
export const ServicesMyDraftsDocument = new TypedDocumentString(`
    query ServicesMyDrafts {
  myApplicationDrafts {
    ...ServicesServerDraft
  }
}
    fragment ServicesText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment ServicesServerDraft on ApplicationDraftInfo {
  itemCode
  itemName {
    ...ServicesText
  }
  version
  dataJson
  updatedAt
  device
}`) as unknown as TypedDocumentString<ServicesMyDraftsQuery, ServicesMyDraftsQueryVariables>;
export const ServicesDraftSaveDocument = new TypedDocumentString(`
    mutation ServicesDraftSave($itemCode: String!, $baseVersion: Int!, $dataJson: String!, $device: String!) {
  applicationDraftSave(
    itemCode: $itemCode
    baseVersion: $baseVersion
    dataJson: $dataJson
    device: $device
  ) {
    __typename
    ... on ApplicationDraftSaved {
      draft {
        version
      }
    }
    ... on ApplicationDraftConflictError {
      serverVersion
      serverDataJson
      updatedAt
      device
    }
    ... on ApplicationError {
      applicationCode
      message
    }
    ... on ValidationError {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ServicesDraftSaveMutation, ServicesDraftSaveMutationVariables>;
export const ServicesMaterialAdminDocument = new TypedDocumentString(`
    query ServicesMaterialAdmin {
  materialTypes {
    ...ServicesMaterialType
  }
}
    fragment ServicesText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment ServicesMaterialType on MaterialTypeInfo {
  code
  name {
    ...ServicesText
  }
  acceptedFormats
  maxBytes
  originalOnSite
  reusable
  requiresValidity
}`) as unknown as TypedDocumentString<ServicesMaterialAdminQuery, ServicesMaterialAdminQueryVariables>;
export const ServicesMaterialTypeSaveDocument = new TypedDocumentString(`
    mutation ServicesMaterialTypeSave($code: String!, $input: MaterialTypeInput!) {
  materialTypeSave(code: $code, input: $input) {
    __typename
    ... on MaterialTypeSaved {
      created
      material {
        ...ServicesMaterialType
      }
      itemsRepublished {
        code
        version
        name {
          ...ServicesText
        }
      }
    }
    ... on ValidationError {
      message
      field
      errors {
        field
        message
      }
    }
  }
}
    fragment ServicesText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment ServicesMaterialType on MaterialTypeInfo {
  code
  name {
    ...ServicesText
  }
  acceptedFormats
  maxBytes
  originalOnSite
  reusable
  requiresValidity
}`) as unknown as TypedDocumentString<ServicesMaterialTypeSaveMutation, ServicesMaterialTypeSaveMutationVariables>;
export const ServicesItemAdminDocument = new TypedDocumentString(`
    query ServicesItemAdmin {
  serviceItems(first: 100) {
    nodes {
      ...ServicesItemFull
    }
  }
  materialTypes {
    ...ServicesMaterialType
  }
}
    fragment ServicesText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment ServicesItemFull on ServiceItemInfo {
  code
  version
  category
  handlingMode
  name {
    ...ServicesText
  }
  description {
    ...ServicesText
  }
  legalBasis {
    ...ServicesText
  }
  conditions {
    ...ServicesText
  }
  fees {
    ...ServicesText
  }
  fee {
    amountFen
    due
  }
  onsiteReason {
    ...ServicesText
  }
  form {
    element
    required
  }
  materials {
    material
    required
  }
  departments
  reviewLevels
  timeLimitDays
}
fragment ServicesMaterialType on MaterialTypeInfo {
  code
  name {
    ...ServicesText
  }
  acceptedFormats
  maxBytes
  originalOnSite
  reusable
  requiresValidity
}`) as unknown as TypedDocumentString<ServicesItemAdminQuery, ServicesItemAdminQueryVariables>;
export const ServicesItemUpdateDocument = new TypedDocumentString(`
    mutation ServicesItemUpdate($code: String!, $input: ServiceItemUpdateInput!) {
  serviceItemUpdate(code: $code, input: $input) {
    __typename
    ... on ServiceItemUpdated {
      item {
        ...ServicesItemFull
      }
    }
    ... on ValidationError {
      message
      field
      errors {
        field
        message
      }
    }
  }
}
    fragment ServicesText on LocalizedText {
  zhHans
  zhHant
  en
}
fragment ServicesItemFull on ServiceItemInfo {
  code
  version
  category
  handlingMode
  name {
    ...ServicesText
  }
  description {
    ...ServicesText
  }
  legalBasis {
    ...ServicesText
  }
  conditions {
    ...ServicesText
  }
  fees {
    ...ServicesText
  }
  fee {
    amountFen
    due
  }
  onsiteReason {
    ...ServicesText
  }
  form {
    element
    required
  }
  materials {
    material
    required
  }
  departments
  reviewLevels
  timeLimitDays
}`) as unknown as TypedDocumentString<ServicesItemUpdateMutation, ServicesItemUpdateMutationVariables>;
export const TransparencyDataAccessDocument = new TypedDocumentString(`
    query TransparencyDataAccess {
  myDataAccess(first: 100) {
    eventId
    kind
    recordId
    label
    operation
    outcome
    officerUnit
    occurredAt
    sealed
  }
}
    `) as unknown as TypedDocumentString<TransparencyDataAccessQuery, TransparencyDataAccessQueryVariables>;
export const TransparencyDataAccessProofDocument = new TypedDocumentString(`
    query TransparencyDataAccessProof($eventId: ID!) {
  myDataAccessProof(eventId: $eventId)
}
    `) as unknown as TypedDocumentString<TransparencyDataAccessProofQuery, TransparencyDataAccessProofQueryVariables>;