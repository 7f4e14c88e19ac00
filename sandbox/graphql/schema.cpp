#include "graphql/schema.h"

namespace tagdesk::sandbox::graphql {

TypeRef TypeRef::parse(const QString &text) {
    TypeRef t;
    QString s = text.trimmed();
    if (s.endsWith(u'!')) {
        t.nonNull = true;
        s.chop(1);
    }
    if (s.startsWith(u'[') && s.endsWith(u']')) {
        t.list = true;
        s = s.mid(1, s.size() - 2);
        if (s.endsWith(u'!')) {
            t.itemNonNull = true;
            s.chop(1);
        }
    }
    t.named = s;
    return t;
}

QString TypeRef::toString() const {
    QString s = named;
    if (list)
        s = u'[' + s + (itemNonNull ? QStringLiteral("!]") : QStringLiteral("]"));
    if (nonNull)
        s += u'!';
    return s;
}

const ArgumentDef *FieldDef::argument(const QString &argName) const {
    for (const ArgumentDef &a : args)
        if (a.name == argName)
            return &a;
    return nullptr;
}

const FieldDef *TypeDef::field(const QString &fieldName) const {
    for (const FieldDef &f : fields)
        if (f.name == fieldName)
            return &f;
    return nullptr;
}

const ArgumentDef *TypeDef::inputField(const QString &fieldName) const {
    for (const ArgumentDef &a : inputFields)
        if (a.name == fieldName)
            return &a;
    return nullptr;
}

Schema::Schema() {
    for (const char *name : {"Int", "Float", "String", "Boolean", "ID"})
        scalar(QString::fromLatin1(name));
    TypeDef &pageInfo = record(QStringLiteral("PageInfo"));
    Q_UNUSED(pageInfo);
    field(QStringLiteral("PageInfo"), QStringLiteral("hasNextPage"), QStringLiteral("Boolean!"));
    field(QStringLiteral("PageInfo"), QStringLiteral("hasPreviousPage"),
          QStringLiteral("Boolean!"));
    field(QStringLiteral("PageInfo"), QStringLiteral("startCursor"), QStringLiteral("String"));
    field(QStringLiteral("PageInfo"), QStringLiteral("endCursor"), QStringLiteral("String"));
}

void Schema::scalar(const QString &name) {
    auto t = std::make_shared<TypeDef>();
    t->name = name;
    t->kind = TypeDef::Kind::Scalar;
    m_types.insert(name, t);
}

void Schema::enumeration(const QString &name, const QStringList &values) {
    auto t = std::make_shared<TypeDef>();
    t->name = name;
    t->kind = TypeDef::Kind::Enum;
    t->enumValues = values;
    m_types.insert(name, t);
}

void Schema::input(const QString &name, const QList<ArgSpec> &fields) {
    auto t = std::make_shared<TypeDef>();
    t->name = name;
    t->kind = TypeDef::Kind::InputObject;
    for (const ArgSpec &f : fields)
        t->inputFields.append({f.name, TypeRef::parse(f.type), f.defaultValue});
    m_types.insert(name, t);
}

TypeDef &Schema::object(const QString &name, const QStringList &interfaces) {
    auto t = std::make_shared<TypeDef>();
    t->name = name;
    t->kind = TypeDef::Kind::Object;
    t->interfaces = interfaces;
    m_types.insert(name, t);
    return *t;
}

TypeDef &Schema::interface(const QString &name) {
    auto t = std::make_shared<TypeDef>();
    t->name = name;
    t->kind = TypeDef::Kind::Interface;
    m_types.insert(name, t);
    return *t;
}

TypeDef &Schema::unionOf(const QString &name, const QStringList &members) {
    TypeDef &t = interface(name);
    t.members = members;
    return t;
}

TypeDef &Schema::record(const QString &name, const QStringList &interfaces) {
    TypeDef &t = object(name, interfaces);
    t.record = true;
    return t;
}

void Schema::connection(const QString &nodeType) {
    const QString conn = nodeType + QStringLiteral("Connection");
    const QString edge = nodeType + QStringLiteral("Edge");
    object(conn).connectionNode = nodeType;
    field(conn, QStringLiteral("nodes"), u'[' + nodeType + QStringLiteral("!]!"));
    field(conn, QStringLiteral("edges"), u'[' + edge + QStringLiteral("!]!"));
    field(conn, QStringLiteral("pageInfo"), QStringLiteral("PageInfo!"));
    TypeDef &e = object(edge);
    e.connectionNode = nodeType;
    e.connectionEdge = true;
    field(edge, QStringLiteral("cursor"), QStringLiteral("String!"));
    field(edge, QStringLiteral("node"), nodeType + u'!');
}

FieldDef &Schema::field(const QString &type, const QString &name, const QString &fieldType,
                        Resolver resolve, const QList<ArgSpec> &args) {
    TypeDef &t = *m_types.value(type);
    FieldDef f;
    f.name = name;
    f.type = TypeRef::parse(fieldType);
    f.resolve = std::move(resolve);
    for (const ArgSpec &a : args)
        f.args.append({a.name, TypeRef::parse(a.type), a.defaultValue});
    t.fields.append(std::move(f));
    return t.fields.last();
}

QList<ArgSpec> Schema::connectionArgs(const QList<ArgSpec> &extra) {
    QList<ArgSpec> args{{QStringLiteral("first"), QStringLiteral("Int")},
                        {QStringLiteral("after"), QStringLiteral("String")},
                        {QStringLiteral("last"), QStringLiteral("Int")},
                        {QStringLiteral("before"), QStringLiteral("String")},
                        {QStringLiteral("reverse"), QStringLiteral("Boolean"), false}};
    args.append(extra);
    return args;
}

const TypeDef *Schema::type(const QString &name) const {
    auto it = m_types.constFind(name);
    return it == m_types.constEnd() ? nullptr : it->get();
}

bool Schema::isPossible(const QString &concrete, const QString &target) const {
    if (concrete == target)
        return true;
    const TypeDef *t = type(concrete);
    if (t && t->interfaces.contains(target))
        return true;
    const TypeDef *u = type(target);
    return u && u->members.contains(concrete);
}

bool Schema::overlaps(const QString &a, const QString &b) const {
    if (isPossible(a, b) || isPossible(b, a))
        return true;
    const TypeDef *ta = type(a);
    const TypeDef *tb = type(b);
    if (!ta || !tb)
        return false;
    if (ta->kind == TypeDef::Kind::Interface && tb->kind == TypeDef::Kind::Interface) {
        for (const auto &t : m_types)
            if (t->kind == TypeDef::Kind::Object && isPossible(t->name, a) &&
                isPossible(t->name, b))
                return true;
    }
    return false;
}

} // namespace tagdesk::sandbox::graphql
