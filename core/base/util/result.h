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
        Failed,       // generic failure; the message says what
        NotFound,     // an id that does not exist
        InvalidInput, // the user gave something malformed
        NotAllowed,   // refused by a rule (e.g. archiving a job that is processing)
        Storage,      // the database could not be read or written
        Locked,       // another program holds the database
        Unavailable,  // a feature or service that is not there (offline, not built)
        Quota,        // a provider's credits or quota are used up: stop, do not retry
    };

    Code code = Code::Failed;
    QString message;

    static Error failed(QString m) { return {Code::Failed, std::move(m)}; }
    static Error notFound(QString m) { return {Code::NotFound, std::move(m)}; }
    static Error invalid(QString m) { return {Code::InvalidInput, std::move(m)}; }
    static Error notAllowed(QString m) { return {Code::NotAllowed, std::move(m)}; }
    static Error storage(QString m) { return {Code::Storage, std::move(m)}; }
    static Error locked(QString m) { return {Code::Locked, std::move(m)}; }
    static Error unavailable(QString m) { return {Code::Unavailable, std::move(m)}; }
    static Error quota(QString m) { return {Code::Quota, std::move(m)}; }
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
