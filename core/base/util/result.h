#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace tagdesk {

// What went wrong, in words a user can act on. `code` lets callers branch without
// parsing the message (the CLI maps it to an exit code, the GUI to an icon).
struct Error {
    enum class Code {
        Failed,        // generic failure; the message says what
        NotFound,      // an id that does not exist
        InvalidInput,  // the user gave something malformed
        NotAllowed,    // refused by a rule (e.g. archiving a job that is processing)
        Storage,       // the database could not be read or written
        Locked,        // another program holds the database
        Unavailable,   // a feature or service that is not there (offline, not built)
        Quota,         // a provider's credits or quota are used up: stop, do not retry
        TokenRejected, // the store or provider refused the token or key (HTTP 401)
        ScopeMissing,  // the token lacks an access scope (HTTP 403, ACCESS_DENIED): `scope`
        Unreachable,   // no answer at all: connection refused, DNS, broken off, timed out
        Throttled,     // still asked to slow down after every retry (HTTP 429, THROTTLED)
        Refused,       // the store refused a value it was sent (userErrors)
        LocalIo,       // a local file or folder could not be read or written
        TooExpensive,  // the store prices the request over what one query may cost
        Busy,          // another program is working on the job (JobLease): who, since when
    };

    Code code = Code::Failed;
    QString message;
    // ScopeMissing: the access scope the token lacks (e.g. "write_products"), when the
    // answer names it; empty otherwise.
    QString scope = {};

    static Error failed(QString m) { return make(Code::Failed, std::move(m)); }
    static Error notFound(QString m) { return make(Code::NotFound, std::move(m)); }
    static Error invalid(QString m) { return make(Code::InvalidInput, std::move(m)); }
    static Error notAllowed(QString m) { return make(Code::NotAllowed, std::move(m)); }
    static Error storage(QString m) { return make(Code::Storage, std::move(m)); }
    static Error locked(QString m) { return make(Code::Locked, std::move(m)); }
    static Error busy(QString m) { return make(Code::Busy, std::move(m)); }
    static Error unavailable(QString m) { return make(Code::Unavailable, std::move(m)); }
    static Error quota(QString m) { return make(Code::Quota, std::move(m)); }
    static Error tokenRejected(QString m) { return make(Code::TokenRejected, std::move(m)); }
    static Error scopeMissing(QString m, QString scope = {}) {
        return make(Code::ScopeMissing, std::move(m), std::move(scope));
    }
    static Error unreachable(QString m) { return make(Code::Unreachable, std::move(m)); }
    static Error throttled(QString m) { return make(Code::Throttled, std::move(m)); }
    static Error refused(QString m) { return make(Code::Refused, std::move(m)); }
    static Error localIo(QString m) { return make(Code::LocalIo, std::move(m)); }
    static Error tooExpensive(QString m) { return make(Code::TooExpensive, std::move(m)); }

    static Error make(Code code, QString m, QString scope = {}) {
        Error e;
        e.code = code;
        e.message = std::move(m);
        e.scope = std::move(scope);
        return e;
    }

    // Worth trying again later as it is: nothing answered, the service was busy or
    // overloaded. A sync puts such products back in the queue instead of failing them.
    bool isTransient() const {
        return code == Code::Unavailable || code == Code::Unreachable || code == Code::Throttled;
    }
};

// A value or an Error: results are values, never a bool plus a side channel.
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_state(std::move(value)) {}
    Result(Error error)
        : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    T &operator*() & { return value(); }

    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// Success with nothing to return.
template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace tagdesk
