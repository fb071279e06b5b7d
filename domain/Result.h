#pragma once

#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace gongdan {

/// An error that crosses a layer boundary as a value: a stable machine code, a translated message for
/// people, and the offending field where there is one.
struct Error {
    Error() = default;
    Error(QString code_, QString message_, QString field_ = {})
        : code(std::move(code_)), message(std::move(message_)), field(std::move(field_))
    {
    }

    QString code;
    QString message;
    QString field;
};

/// Either a value or an Error; the project's expected-style return type.
template<typename T>
class Result {
public:
    Result(T value) : m_state(std::move(value)) { }
    Result(Error error) : m_state(std::move(error)) { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

/// Result<void>: success, or an Error.
template<>
class Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace gongdan
