//! The built-in authentication modules: anonymous, Basic, and Windows authentication simulated
//! for tests. They run in RQ_AUTHENTICATE_REQUEST before the configured modules, in the
//! configured order; when no user is set by the end of the notification, the request ends with
//! 401.2, as IIS answers when no authentication method is allowed to succeed.
//!
//! Simulated Windows authentication: a client logs on as a configured user by sending
//! `Authorization: Negotiate iissim:<user>` (or `NTLM iissim:<user>`). There is no handshake and
//! no password: it exists for tests, and is off unless `providers` names `windows`.
//! https://learn.microsoft.com/en-us/iis/configuration/system.webserver/security/authentication/

use crate::config::Config;
use crate::identity::{Identity, TokenTable};
use crate::objects::user::User;
use crate::state::RequestState;
use crate::trace::TraceEvent;
use base64::Engine;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Provider {
    Basic,
    Windows,
}

struct Account {
    name: String,
    password: String,
    basic: Arc<Identity>,
    windows: Arc<Identity>,
}

/// The site's authentication: which providers run, and whom they know.
pub struct Authentication {
    providers: Vec<Provider>,
    anonymous: Option<Arc<Identity>>,
    accounts: Vec<Account>,
    realm: Option<String>,
}

/// What authentication decided.
pub enum Outcome {
    /// Go on with the notification (a user may or may not be set).
    Continue,
    /// The request ends here with the 401 now on the response.
    Finished,
}

impl Authentication {
    pub fn new(config: &Config, tokens: &TokenTable) -> Authentication {
        let providers = config
            .authentication
            .providers
            .iter()
            .map(|p| if p == "basic" { Provider::Basic } else { Provider::Windows })
            .collect();
        let anonymous = config
            .anonymous
            .enabled
            .then(|| Arc::new(Identity::anonymous(&config.anonymous.user, config.anonymous.token, tokens)));
        let accounts = config
            .users
            .iter()
            .map(|u| Account {
                name: u.name.clone(),
                password: u.password.clone(),
                basic: Arc::new(Identity::user(u, "Basic", tokens)),
                windows: Arc::new(Identity::user(u, "Negotiate", tokens)),
            })
            .collect();
        Authentication { providers, anonymous, accounts, realm: config.authentication.realm.clone() }
    }

    /// `alice` matches `alice` and `DOMAIN\alice`; `DOMAIN\alice` matches only itself.
    fn account(&self, name: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| {
            a.name.eq_ignore_ascii_case(name)
                || (!name.contains('\\')
                    && a.name.rsplit('\\').next().is_some_and(|short| short.eq_ignore_ascii_case(name)))
        })
    }

    /// The `Authorization` header that logs a configured user on: simulated Windows
    /// authentication where it is enabled, else Basic with the configured password.
    pub fn credentials_for(&self, name: &str) -> Result<String, String> {
        let account = self.account(name).ok_or_else(|| format!("no configured user `{name}` ([[users]])"))?;
        if self.providers.contains(&Provider::Windows) {
            Ok(format!("Negotiate iissim:{}", account.name))
        } else if self.providers.contains(&Provider::Basic) {
            let pair = format!("{}:{}", account.name, account.password);
            Ok(format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(pair)))
        } else {
            Err(format!("user `{name}` cannot log on: [authentication] providers names neither basic nor windows"))
        }
    }

    /// The built-in modules' part of RQ_AUTHENTICATE_REQUEST, before the configured modules.
    pub fn authenticate(&self, state: &RequestState, user: &User) -> Outcome {
        let header = state.request_header("Authorization").unwrap_or_default();
        let (scheme, credentials) = header.split_once(' ').unwrap_or((header.as_str(), ""));
        for provider in &self.providers {
            let result = match provider {
                Provider::Basic if scheme.eq_ignore_ascii_case("Basic") => Some(self.basic(credentials.trim())),
                Provider::Windows
                    if scheme.eq_ignore_ascii_case("Negotiate") || scheme.eq_ignore_ascii_case("NTLM") =>
                {
                    Some(self.windows(credentials.trim()))
                }
                _ => None,
            };
            match result {
                Some(Ok(identity)) => {
                    state.sink.record(TraceEvent::Host {
                        what: format!("{provider:?}Authentication: {} ({})", identity.logon_user, identity.auth_type),
                    });
                    set_user(state, user, identity);
                    return Outcome::Continue;
                }
                Some(Err(why)) => {
                    state.sink.record(TraceEvent::Host { what: format!("{provider:?}Authentication: {why}: 401.1") });
                    self.deny(state, 1, "Access is denied due to invalid credentials.");
                    return Outcome::Finished;
                }
                None => {}
            }
        }
        if let Some(anonymous) = &self.anonymous {
            state.sink.record(TraceEvent::Host { what: "AnonymousAuthentication: anonymous user".into() });
            set_user(state, user, anonymous.clone());
        }
        Outcome::Continue
    }

    /// After RQ_AUTHENTICATE_REQUEST: no user means no method allowed the request: 401.2.
    pub fn require_user(&self, state: &RequestState) -> Outcome {
        if !state.user.get().is_null() {
            return Outcome::Continue;
        }
        state.sink.record(TraceEvent::Host { what: "no authentication method succeeded: 401.2".into() });
        self.deny(state, 2, "Access is denied due to server configuration.");
        Outcome::Finished
    }

    /// The anonymous user's primary token, as a handle value (0 without one).
    pub fn anonymous_token(&self) -> usize {
        self.anonymous.as_ref().and_then(|a| a.primary_token).map_or(0, |t| t.as_handle() as usize)
    }

    /// A logon with a user name and password (IHttpServer2::GetToken): the configured user's
    /// identity, as a Basic logon gives it.
    pub fn logon(&self, name: &str, password: &str) -> Result<Arc<Identity>, String> {
        match self.account(name) {
            Some(account) if account.password == password => Ok(account.basic.clone()),
            Some(_) => Err(format!("wrong password for `{name}`")),
            None => Err(format!("no user `{name}`")),
        }
    }

    fn basic(&self, credentials: &str) -> Result<Arc<Identity>, String> {
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(credentials)
            .map_err(|_| "the Basic credentials are not base64".to_string())?;
        let decoded = String::from_utf8_lossy(&decoded);
        let (name, password) = decoded.split_once(':').ok_or("the Basic credentials have no `:`")?;
        self.logon(name, password)
    }

    fn windows(&self, credentials: &str) -> Result<Arc<Identity>, String> {
        let name = credentials.strip_prefix("iissim:").ok_or(
            "iissim simulates Windows authentication: send `Authorization: Negotiate iissim:<user>`".to_string(),
        )?;
        self.account(name).map(|a| a.windows.clone()).ok_or(format!("no user `{name}`"))
    }

    /// A 401 with the challenge of every enabled provider, and IIS's error text.
    fn deny(&self, state: &RequestState, substatus: u16, why: &str) {
        let host = state.request_header("Host").unwrap_or_else(|| state.site.server_name.clone());
        let mut response = state.response.borrow_mut();
        response.status = 401;
        response.substatus = substatus;
        response.reason = "Unauthorized".into();
        response.headers.clear();
        response.headers.push(("Content-Type".into(), "text/html".into()));
        for provider in &self.providers {
            match provider {
                Provider::Basic => response.headers.push((
                    "WWW-Authenticate".into(),
                    format!("Basic realm=\"{}\"", self.realm.as_deref().unwrap_or(&host)),
                )),
                Provider::Windows => {
                    response.headers.push(("WWW-Authenticate".into(), "Negotiate".into()));
                    response.headers.push(("WWW-Authenticate".into(), "NTLM".into()));
                }
            }
        }
        response.body = format!(
            "<!DOCTYPE html><html><head><title>401 - Unauthorized</title></head><body>\
             <h1>HTTP Error 401.{substatus} - Unauthorized</h1><p>{why}</p></body></html>"
        )
        .into_bytes();
    }
}

fn set_user(state: &RequestState, user: &User, identity: Arc<Identity>) {
    *state.user_names.borrow_mut() = Some((identity.logon_user.clone(), identity.auth_type.clone()));
    *state.auth_password.borrow_mut() = identity.basic_password.clone();
    if user.set_identity(identity) {
        state.user.set(state.objects.get().host_user);
    }
}
