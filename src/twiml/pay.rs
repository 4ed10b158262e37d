//! Payments: `<Pay>` and its `<Prompt>`s.

use std::borrow::Cow;

use super::{
    BankAccountType, CardType, Method, Parameter, Pause, PayInput, PayLanguage, PaymentMethod, Play, PromptErrorType,
    PromptFor, Say, TokenType,
};
use crate::xml::List;
use crate::xml::define::define_element;

define_element! {
    /// `<Pay>`: collects card or bank account data by keypad and hands it to a Pay Connector;
    /// `chargeAmount` above 0 charges, otherwise the card is tokenized.
    ///
    /// ```
    /// use callml::twiml::{CardType, Pay, PromptFor, Prompt};
    /// let pay = Pay::new()
    ///     .charge_amount("20.45")
    ///     .valid_card_types([CardType::Visa, CardType::Amex])
    ///     .prompt(Prompt::new().for_(PromptFor::PaymentCardNumber).say("Please enter your card number."));
    /// assert_eq!(
    ///     pay.to_string(),
    ///     r#"<Pay chargeAmount="20.45" validCardTypes="visa amex"><Prompt for="payment-card-number"><Say>Please enter your card number.</Say></Prompt></Pay>"#
    /// );
    /// ```
    pub struct Pay<'a> = "Pay" {
        /// URL requested with the result (always POST).
        action: Cow<'a, str> = "action",
        /// Account type (with `paymentMethod="ach-debit"`).
        bank_account_type: BankAccountType = "bankAccountType",
        /// Amount to charge, as decimal text (`20.45`).
        charge_amount: Cow<'a, str> = "chargeAmount",
        /// Lower-case ISO currency code (`usd`).
        currency: Cow<'a, str> = "currency",
        /// Description of the charge.
        description: Cow<'a, str> = "description",
        /// How the data is entered.
        input: PayInput = "input",
        /// Language of the default prompts.
        language: PayLanguage = "language",
        /// Attempts per input.
        max_attempts: u32 = "maxAttempts",
        /// Shortest postal code accepted.
        min_postal_code_length: u32 = "minPostalCodeLength",
        /// Unique name of the Pay Connector.
        payment_connector: Cow<'a, str> = "paymentConnector",
        /// Card or ACH debit.
        payment_method: PaymentMethod = "paymentMethod",
        /// `true`, `false`, or a fixed postal code.
        postal_code: Cow<'a, str> = "postalCode",
        /// Whether to ask for the security code.
        security_code: bool = "securityCode",
        /// URL told about status changes.
        status_callback: Cow<'a, str> = "statusCallback",
        /// Method for `statusCallback`.
        status_callback_method: Method = "statusCallbackMethod",
        /// Seconds to wait for each input.
        timeout: u32 = "timeout",
        /// Kind of token made.
        token_type: TokenType = "tokenType",
        /// Card types accepted (space-separated).
        valid_card_types: List<CardType> = "validCardTypes",
    }
    content: children new() PayChild / IntoPayChild {
        message = "`<Pay>` cannot contain `{Self}`",
        note = "`<Pay>` accepts Prompt and Parameter";
        Prompt => prompt, Parameter => parameter,
    }
}

define_element! {
    /// `<Prompt>`: replaces the default prompt of one `<Pay>` step (`for`), optionally only after
    /// given errors or attempts.
    ///
    /// ```
    /// use callml::twiml::{Prompt, PromptErrorType, PromptFor};
    /// let p = Prompt::new().for_(PromptFor::ExpirationDate).error_type([PromptErrorType::InvalidDate]).attempt([2u8, 3]).say("Try again.");
    /// assert_eq!(p.to_string(), r#"<Prompt attempt="2 3" errorType="invalid-date" for="expiration-date"><Say>Try again.</Say></Prompt>"#);
    /// ```
    pub struct Prompt<'a> = "Prompt" {
        /// Attempts (1 to 10) on which it plays.
        attempt: List<u8> = "attempt",
        /// Card types for which it plays.
        card_type: List<CardType> = "cardType",
        /// Errors after which it plays.
        error_type: List<PromptErrorType> = "errorType",
        /// The Pay step.
        for_: PromptFor = "for" [required],
        /// Ask for the value twice.
        require_matching_inputs: bool = "requireMatchingInputs",
    }
    content: children new() PromptChild / IntoPromptChild {
        message = "`<Prompt>` cannot contain `{Self}`",
        note = "`<Prompt>` accepts Say, Play and Pause";
        Say => say, Play => play, Pause => pause,
    }
}
