use infoshos_model::{Membership, State};
use sqlx::FromRow;

use super::{Storage, on_engine};

#[derive(FromRow)]
struct StateRow {
    code: String,
    name: String,
    capital: String,
    time_zone: String,
    currency: String,
    currency_name: String,
    status: String,
    former_status: Option<String>,
}

impl Storage {
    /// Replaces the reference list of states (it ships with the server, so each start
    /// brings the database in line with the code).
    pub async fn replace_states(&self, states: &[State]) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM states").execute(&mut *tx).await?;
        for (position, s) in states.iter().enumerate() {
            sqlx::query(
                "INSERT INTO states (code, position, name, capital, time_zone, currency,
                                     currency_name, status, former_status)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(&s.code)
            .bind(position as i64)
            .bind(&s.name)
            .bind(&s.capital)
            .bind(&s.time_zone)
            .bind(&s.currency)
            .bind(&s.currency_name)
            .bind(match s.status {
                Membership::Member => "member",
                Membership::Partner => "partner",
            })
            .bind(&s.former_status)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        });
        self.changed();
        Ok(())
    }

    /// The states in their order, from memory when read in the last minute (`kept`).
    pub async fn states(&self) -> Result<Vec<State>, sqlx::Error> {
        let change = self.change_count();
        if let Some(states) = self.states.get(&(), change) {
            return Ok(states);
        }
        let states = self.states_from_database().await?;
        self.states.put((), change, states.clone());
        Ok(states)
    }

    async fn states_from_database(&self) -> Result<Vec<State>, sqlx::Error> {
        let rows: Vec<StateRow> = on_engine!(self, pool => sqlx::query_as(
            "SELECT code, name, capital, time_zone, currency, currency_name, status, former_status
             FROM states ORDER BY position",
        )
        .fetch_all(pool)
        .await?);
        Ok(rows
            .into_iter()
            .map(|r| State {
                status: if r.status == "member" {
                    Membership::Member
                } else {
                    Membership::Partner
                },
                code: r.code,
                name: r.name,
                capital: r.capital,
                time_zone: r.time_zone,
                currency: r.currency,
                currency_name: r.currency_name,
                former_status: r.former_status,
                offsets: Vec::new(),
            })
            .collect())
    }
}
