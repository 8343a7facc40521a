use super::*;

#[test]
fn each_role_may_do_what_the_one_before_it_may_and_no_more() {
    use Power::*;
    let table = [
        (Role::Moderator, [true, false, false]),
        (Role::Editor, [true, true, false]),
        (Role::Admin, [true, true, true]),
    ];
    for (role, allowed) in table {
        assert_eq!(
            [role.may(Moderate), role.may(Write), role.may(People)],
            allowed,
            "{role:?}"
        );
        assert_eq!(Role::from_code(role.as_str()), Some(role));
    }
    assert_eq!(Role::from_code("Admin"), None);
}

#[test]
fn names_are_plain_and_passwords_long_and_not_the_name() {
    use CredentialProblem::*;
    let ok = "a long enough passphrase";
    assert_eq!(credential_problem("mila.k", ok), None);
    for bad in ["ab", "Mila", "1mila", "mila k", "мила", &"m".repeat(33)] {
        assert_eq!(credential_problem(bad, ok), Some(Username), "{bad}");
    }
    assert_eq!(credential_problem("mila", "short"), Some(PasswordShort));
    assert_eq!(
        credential_problem("mila", &"x".repeat(257)),
        Some(PasswordLong)
    );
    assert_eq!(
        credential_problem("mila", "I am MILA, 1990"),
        Some(PasswordIsName)
    );
    // Length counts characters, not bytes.
    assert_eq!(credential_problem("mila", "пароль-длинный"), None);
}
