#include "graphql/values.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace tagdesk::sandbox::graphql {

QJsonValue literalToJson(const Value &v, const QJsonObject &variables) {
    switch (v.kind) {
    case Value::Kind::Null:
        return QJsonValue(QJsonValue::Null);
    case Value::Kind::Int:
    case Value::Kind::Float:
        return v.text.toDouble();
    case Value::Kind::String:
    case Value::Kind::Enum:
        return v.text;
    case Value::Kind::Boolean:
        return v.text == QLatin1String("true");
    case Value::Kind::List: {
        QJsonArray a;
        for (const Value &item : v.items)
            a.append(literalToJson(item, variables));
        return a;
    }
    case Value::Kind::Object: {
        QJsonObject o;
        for (const auto &[name, field] : v.fields) {
            const QJsonValue j = literalToJson(field, variables);
            if (!j.isUndefined())
                o.insert(name, j);
        }
        return o;
    }
    case Value::Kind::Variable:
        return variables.contains(v.text) ? variables.value(v.text)
                                          : QJsonValue(QJsonValue::Undefined);
    }
    return QJsonValue(QJsonValue::Null);
}

namespace {

bool isIntegral(const QJsonValue &v) {
    return v.isDouble() && std::floor(v.toDouble()) == v.toDouble();
}

std::optional<InputProblem> checkNamed(const Schema &schema, const QJsonValue &value,
                                       const QString &named) {
    const TypeDef *t = schema.type(named);
    if (!t)
        return InputProblem{QStringLiteral("%1 isn't a defined input type").arg(named), {}};
    const QString shown =
        QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
    const InputProblem wrong{QStringLiteral("Could not coerce value %1 to %2").arg(shown, named),
                             {}};
    switch (t->kind) {
    case TypeDef::Kind::Scalar:
        if (named == QLatin1String("Int")) {
            if (!isIntegral(value) || std::abs(value.toDouble()) > 2147483647.0)
                return wrong;
        } else if (named == QLatin1String("Float")) {
            if (!value.isDouble())
                return wrong;
        } else if (named == QLatin1String("Boolean")) {
            if (!value.isBool())
                return wrong;
        } else if (named == QLatin1String("ID") || named == QLatin1String("UnsignedInt64")) {
            if (!value.isString() && !isIntegral(value))
                return wrong;
        } else if (named != QLatin1String("JSON")) {
            if (!value.isString())
                return wrong;
        }
        return std::nullopt;
    case TypeDef::Kind::Enum:
        if (!value.isString() || !t->enumValues.contains(value.toString()))
            return wrong;
        return std::nullopt;
    case TypeDef::Kind::InputObject: {
        if (!value.isObject())
            return wrong;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const ArgumentDef *f = t->inputField(it.key());
            if (!f)
                return InputProblem{QStringLiteral("Field is not defined on %1").arg(named),
                                    {it.key()}};
            if (auto p = checkInput(schema, it.value(), f->type)) {
                p->path.prepend(it.key());
                return p;
            }
        }
        for (const ArgumentDef &f : t->inputFields)
            if (f.type.nonNull && f.defaultValue.isUndefined() && !o.contains(f.name))
                return InputProblem{QStringLiteral("Expected value to not be null"), {f.name}};
        return std::nullopt;
    }
    case TypeDef::Kind::Object:
    case TypeDef::Kind::Interface:
        break;
    }
    return InputProblem{QStringLiteral("%1 isn't a valid input type").arg(named), {}};
}

} // namespace

std::optional<InputProblem> checkInput(const Schema &schema, const QJsonValue &value,
                                       const TypeRef &type) {
    if (value.isNull() || value.isUndefined()) {
        if (type.nonNull)
            return InputProblem{QStringLiteral("Expected value to not be null"), {}};
        return std::nullopt;
    }
    if (!type.list)
        return checkNamed(schema, value, type.named);
    // A single value where a list is expected is coerced to a one-item list.
    const QJsonArray items = value.isArray() ? value.toArray() : QJsonArray{value};
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue item = items.at(i);
        if (item.isNull()) {
            if (type.itemNonNull)
                return InputProblem{QStringLiteral("Expected value to not be null"),
                                    {QString::number(i)}};
            continue;
        }
        if (auto p = checkNamed(schema, item, type.named)) {
            if (value.isArray())
                p->path.prepend(QString::number(i));
            return p;
        }
    }
    return std::nullopt;
}

std::variant<QJsonObject, GraphQLError>
coerceVariables(const Schema &schema, const Operation &operation, const QJsonObject &provided) {
    QJsonObject out;
    for (const VariableDefinition &def : operation.variables) {
        const TypeRef type = TypeRef::parse(def.type);
        QJsonValue value = provided.contains(def.name) ? provided.value(def.name)
                                                       : QJsonValue(QJsonValue::Undefined);
        if (value.isUndefined() && def.defaultValue)
            value = literalToJson(*def.defaultValue, {});
        const TypeDef *named = schema.type(type.named);
        if (!named || named->kind == TypeDef::Kind::Object ||
            named->kind == TypeDef::Kind::Interface) {
            GraphQLError e;
            e.message =
                QStringLiteral("%1 isn't a defined input type (on $%2)").arg(type.named, def.name);
            e.locations = {def.location};
            e.extensions = {{QStringLiteral("code"), QStringLiteral("variableRequiresValidType")},
                            {QStringLiteral("typeName"), type.named},
                            {QStringLiteral("variableName"), def.name}};
            return e;
        }
        if (auto problem = checkInput(schema, value, type)) {
            GraphQLError e;
            e.message = QStringLiteral("Variable $%1 of type %2 was provided invalid value")
                            .arg(def.name, def.type);
            if (!problem->path.isEmpty() &&
                problem->explanation.startsWith(QLatin1String("Field is not defined")))
                e.message += QStringLiteral(" for %1 (%2)")
                                 .arg(problem->path.join(u'.'), problem->explanation);
            e.locations = {def.location};
            QJsonArray path;
            for (const QString &p : problem->path)
                path.append(p);
            e.extensions = {
                {QStringLiteral("value"), value.isUndefined() ? QJsonValue() : value},
                {QStringLiteral("problems"),
                 QJsonArray{QJsonObject{{QStringLiteral("path"), path},
                                        {QStringLiteral("explanation"), problem->explanation}}}}};
            return e;
        }
        if (!value.isUndefined())
            out.insert(def.name, value);
    }
    return out;
}

QJsonObject coerceArguments(const FieldDef &field, const QList<Argument> &arguments,
                            const QJsonObject &variables) {
    QJsonObject out;
    for (const ArgumentDef &def : field.args)
        if (!def.defaultValue.isUndefined())
            out.insert(def.name, def.defaultValue);
    for (const Argument &a : arguments) {
        const QJsonValue v = literalToJson(a.value, variables);
        if (!v.isUndefined())
            out.insert(a.name, v);
    }
    return out;
}

} // namespace tagdesk::sandbox::graphql
