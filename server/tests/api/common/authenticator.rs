//! An authenticator app held at one 30-second step, so that a test's codes stay the same when
//! the clock crosses into the next step halfway through it. (CI went red once: the code a test
//! expected to be spent had become the next step's fresh code.)

use std::time::{Duration, SystemTime, UNIX_EPOCH};
use totp_rs::{Algorithm, Secret, TOTP};

const STEP_S: u64 = 30;
/// A step is begun only with this much of it left, so that a code one step back is still
/// accepted (one step of drift) by the request that follows.
const LEFT_AT_LEAST_S: u64 = 5;

pub struct Authenticator {
    totp: TOTP,
    step: u64,
}

impl Authenticator {
    /// The app for `secret` (base32), held at the current step, or at the next when fewer than
    /// five seconds of this one are left (it waits for it).
    pub async fn new(secret: &str) -> Self {
        let bytes = Secret::Encoded(secret.into()).to_bytes().unwrap();
        let totp = TOTP::new(Algorithm::SHA1, 6, 1, STEP_S, bytes, None, "x".into()).unwrap();
        let mut now = unix_s();
        let left = STEP_S - now % STEP_S;
        if left < LEFT_AT_LEAST_S {
            tokio::time::sleep(Duration::from_secs(left)).await;
            now = unix_s();
        }
        Self {
            totp,
            step: now / STEP_S,
        }
    }

    /// The code the app shows `steps` steps after the one it is held at (negative: before).
    pub fn code(&self, steps: i64) -> String {
        let step = self.step.checked_add_signed(steps).unwrap();
        self.totp.generate(step * STEP_S)
    }
}

fn unix_s() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}
