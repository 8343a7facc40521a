//! One API address as it is declared: its path, the methods it answers and whether its GET
//! answers are kept in memory (`answer_cache`). The router is built from these, and the same
//! list is the route table the OpenAPI description is checked against (`api::endpoints`),
//! so what is served and what is described are read from one declaration, and what is kept
//! is said where the route is.

use axum::handler::Handler;
use axum::http::Method;
use axum::middleware::from_fn_with_state;
use axum::routing::MethodRouter;

use crate::answer_cache::{self, Answers};
use crate::state::AppState;

/// An address under `/api` and what it answers.
pub struct Endpoint {
    pub path: &'static str,
    /// The methods it answers, in the order declared.
    pub methods: Vec<Method>,
    pub(super) router: MethodRouter<AppState>,
}

/// The start of a declaration: `at("/states").get_kept(states::list, &answers)`.
pub fn at(path: &'static str) -> Endpoint {
    Endpoint {
        path,
        methods: Vec::new(),
        router: MethodRouter::new(),
    }
}

impl Endpoint {
    fn add(
        mut self,
        method: Method,
        add: impl FnOnce(MethodRouter<AppState>) -> MethodRouter<AppState>,
    ) -> Self {
        self.router = add(std::mem::take(&mut self.router));
        self.methods.push(method);
        self
    }

    pub fn get<H: Handler<T, AppState>, T: 'static>(self, handler: H) -> Self {
        self.add(Method::GET, |r| r.get(handler))
    }

    /// A GET whose answers are the same for every reader until something is written: kept
    /// under their full address (`answer_cache`).
    pub fn get_kept<H: Handler<T, AppState>, T: 'static>(
        self,
        handler: H,
        answers: &Answers,
    ) -> Self {
        let keep = from_fn_with_state(answers.clone(), answer_cache::layer);
        self.get(handler.layer(keep))
    }

    pub fn post<H: Handler<T, AppState>, T: 'static>(self, handler: H) -> Self {
        self.add(Method::POST, |r| r.post(handler))
    }

    pub fn put<H: Handler<T, AppState>, T: 'static>(self, handler: H) -> Self {
        self.add(Method::PUT, |r| r.put(handler))
    }

    pub fn delete<H: Handler<T, AppState>, T: 'static>(self, handler: H) -> Self {
        self.add(Method::DELETE, |r| r.delete(handler))
    }
}
