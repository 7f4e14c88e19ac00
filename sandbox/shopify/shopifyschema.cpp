#include "shopify/shopifyschema.h"

namespace tagdesk::sandbox {

using namespace graphql;

QString isoTime(const QDateTime &t) {
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

Resolved productObject(const StoreProduct &product) {
    return Resolved::objectOf(QStringLiteral("Product"), &product);
}

Resolved mediaObject(const StoreProduct &product, const StoreImage &image) {
    return Resolved::objectOf(QStringLiteral("MediaImage"), MediaRef{&product, &image});
}

Resolved userError(const QString &type, const QStringList &field, const QString &message,
                   const QString &code, int elementIndex) {
    Record r;
    r.insert(QStringLiteral("field"), field.isEmpty()
                                          ? Resolved::null()
                                          : Resolved::value(QJsonArray::fromStringList(field)));
    r.insert(QStringLiteral("message"), Resolved::value(message));
    if (!code.isEmpty())
        r.insert(QStringLiteral("code"), Resolved::value(code));
    if (elementIndex >= 0)
        r.insert(QStringLiteral("elementIndex"), Resolved::value(elementIndex));
    return Resolved::objectOf(type, r);
}

GraphQLError accessDenied(const QString &fieldName, const QString &scope) {
    GraphQLError e;
    const QString required = QStringLiteral("`%1` access scope.").arg(scope);
    e.message =
        QStringLiteral("Access denied for %1 field. Required access: %2").arg(fieldName, required);
    e.extensions = {{QStringLiteral("code"), QStringLiteral("ACCESS_DENIED")},
                    {QStringLiteral("documentation"),
                     QStringLiteral("https://shopify.dev/api/usage/access-scopes")},
                    {QStringLiteral("requiredAccess"), required}};
    return e;
}

void addShopifyEnumsAndInputs(Schema &s) {
    for (const char *name : {"DateTime", "URL", "HTML", "UnsignedInt64", "JSON", "Decimal"})
        s.scalar(QString::fromLatin1(name));
    auto e = [&](const char *name, const char *values) {
        s.enumeration(QString::fromLatin1(name),
                      QString::fromLatin1(values).split(u' ', Qt::SkipEmptyParts));
    };
    e("ProductStatus", "ACTIVE ARCHIVED DRAFT UNLISTED");
    e("ProductSortKeys",
      "CREATED_AT ID INVENTORY_TOTAL PRODUCT_TYPE PUBLISHED_AT RELEVANCE TITLE UPDATED_AT VENDOR");
    e("CollectionSortKeys", "ID RELEVANCE TITLE UPDATED_AT");
    e("ProductMediaSortKeys", "ID POSITION RELEVANCE");
    e("ProductVariantSortKeys",
      "FULL_TITLE ID INVENTORY_LEVELS_AVAILABLE INVENTORY_MANAGEMENT INVENTORY_POLICY "
      "INVENTORY_QUANTITY NAME POPULAR POSITION RELEVANCE SKU TITLE");
    e("MediaContentType", "VIDEO EXTERNAL_VIDEO MODEL_3D IMAGE");
    e("MediaStatus", "UPLOADED PROCESSING READY FAILED");
    e("FileStatus", "UPLOADED PROCESSING READY FAILED");
    e("MediaPreviewImageStatus", "UPLOADED PROCESSING READY FAILED");
    e("CropRegion", "CENTER TOP BOTTOM LEFT RIGHT");
    e("ImageContentType", "PNG JPG WEBP");
    e("CountPrecision", "EXACT AT_LEAST");
    e("MetafieldOwnerType", "PRODUCT");
    e("BulkOperationStatus", "CANCELED CANCELING COMPLETED CREATED EXPIRED FAILED RUNNING");
    e("BulkOperationType", "MUTATION QUERY");
    e("BulkOperationErrorCode", "ACCESS_DENIED INTERNAL_SERVER_ERROR TIMEOUT");
    e("BulkOperationUserErrorCode", "OPERATION_IN_PROGRESS INVALID LIMIT_REACHED");
    e("BulkMutationErrorCode",
      "OPERATION_IN_PROGRESS INVALID_MUTATION INVALID_STAGED_UPLOAD_FILE NO_SUCH_FILE "
      "INTERNAL_FILE_SERVER_ERROR LIMIT_REACHED");
    e("MetafieldsSetUserErrorCode",
      "APP_NOT_AUTHORIZED BLANK CAPABILITY_VIOLATION INCLUSION INTERNAL_ERROR INVALID "
      "INVALID_COMPARE_DIGEST INVALID_TYPE INVALID_VALUE LESS_THAN_OR_EQUAL_TO PRESENT "
      "STALE_OBJECT TAKEN TOO_LONG TOO_SHORT");
    e("FilesErrorCode",
      "INVALID FILE_DOES_NOT_EXIST FILE_LOCKED ALT_VALUE_LIMIT_EXCEEDED NON_READY_STATE "
      "TOO_MANY_ARGUMENTS MISSING_ARGUMENTS");
    e("StagedUploadTargetGenerateUploadResource",
      "COLLECTION_IMAGE FILE IMAGE MODEL_3D PRODUCT_IMAGE SHOP_IMAGE VIDEO "
      "BULK_MUTATION_VARIABLES RETURN_LABEL URL_REDIRECT_IMPORT DISPUTE_FILE_UPLOAD");
    e("StagedUploadHttpMethodType", "POST PUT");
    e("MetafieldDefinitionConstraintStatus",
      "CONSTRAINED_AND_UNCONSTRAINED CONSTRAINED_ONLY UNCONSTRAINED_ONLY");
    e("MetafieldDefinitionPinnedStatus", "ANY PINNED UNPINNED");
    e("MetafieldDefinitionSortKeys", "ID NAME PINNED_POSITION RELEVANCE");
    e("MetaobjectStatus", "DRAFT ACTIVE");
    e("MetaobjectUserErrorCode",
      "INVALID INCLUSION TAKEN TOO_LONG TOO_SHORT PRESENT BLANK INVALID_TYPE INVALID_VALUE "
      "INVALID_OPTION DUPLICATE_FIELD_INPUT UNDEFINED_OBJECT_TYPE UNDEFINED_OBJECT_FIELD "
      "OBJECT_FIELD_TAKEN OBJECT_FIELD_REQUIRED RECORD_NOT_FOUND INTERNAL_ERROR "
      "MAX_DEFINITIONS_EXCEEDED MAX_OBJECTS_EXCEEDED INPUT_LIMIT_EXCEEDED IMMUTABLE "
      "NOT_AUTHORIZED RESERVED_NAME DISPLAY_NAME_CONFLICT ADMIN_ACCESS_INPUT_NOT_ALLOWED "
      "APP_CONFIG_MANAGED STANDARD_METAOBJECT_DEFINITION_DEPENDENT_ON_APP "
      "CAPABILITY_NOT_ENABLED URL_HANDLE_TAKEN URL_HANDLE_INVALID URL_HANDLE_BLANK "
      "FIELD_TYPE_INVALID MISSING_REQUIRED_KEYS REFERENCE_EXISTS_ERROR");
    s.input(QStringLiteral("MetafieldDefinitionConstraintSubtypeIdentifier"),
            {{QStringLiteral("key"), QStringLiteral("String!")},
             {QStringLiteral("value"), QStringLiteral("String!")}});
    s.input(QStringLiteral("MetaobjectHandleInput"),
            {{QStringLiteral("handle"), QStringLiteral("String!")},
             {QStringLiteral("type"), QStringLiteral("String!")}});
    s.input(QStringLiteral("MetaobjectFieldInput"),
            {{QStringLiteral("key"), QStringLiteral("String!")},
             {QStringLiteral("value"), QStringLiteral("String!")}});
    s.input(QStringLiteral("MetaobjectCapabilityDataPublishableInput"),
            {{QStringLiteral("status"), QStringLiteral("MetaobjectStatus!")}});
    s.input(QStringLiteral("MetaobjectCapabilityDataOnlineStoreInput"),
            {{QStringLiteral("templateSuffix"), QStringLiteral("String")}});
    s.input(QStringLiteral("MetaobjectCapabilityDataInput"),
            {{QStringLiteral("onlineStore"),
              QStringLiteral("MetaobjectCapabilityDataOnlineStoreInput")},
             {QStringLiteral("publishable"),
              QStringLiteral("MetaobjectCapabilityDataPublishableInput")}});
    s.input(QStringLiteral("MetaobjectCreateInput"),
            {{QStringLiteral("capabilities"), QStringLiteral("MetaobjectCapabilityDataInput")},
             {QStringLiteral("fields"), QStringLiteral("[MetaobjectFieldInput!]")},
             {QStringLiteral("handle"), QStringLiteral("String")},
             {QStringLiteral("type"), QStringLiteral("String!")}});
    s.input(QStringLiteral("MetaobjectUpsertInput"),
            {{QStringLiteral("capabilities"), QStringLiteral("MetaobjectCapabilityDataInput")},
             {QStringLiteral("fields"), QStringLiteral("[MetaobjectFieldInput!]")},
             {QStringLiteral("handle"), QStringLiteral("String")}});

    // Image.url(transform:): the sandbox honours maxWidth, maxHeight and scale, and refuses
    // crop and preferredContentType (see addMedia).
    s.input(QStringLiteral("ImageTransformInput"),
            {{QStringLiteral("crop"), QStringLiteral("CropRegion")},
             {QStringLiteral("maxHeight"), QStringLiteral("Int")},
             {QStringLiteral("maxWidth"), QStringLiteral("Int")},
             {QStringLiteral("preferredContentType"), QStringLiteral("ImageContentType")},
             {QStringLiteral("scale"), QStringLiteral("Int"), 1}});
    s.input(QStringLiteral("SEOInput"),
            {{QStringLiteral("title"), QStringLiteral("String")},
             {QStringLiteral("description"), QStringLiteral("String")}});
    s.input(QStringLiteral("MetafieldInput"),
            {{QStringLiteral("id"), QStringLiteral("ID")},
             {QStringLiteral("namespace"), QStringLiteral("String")},
             {QStringLiteral("key"), QStringLiteral("String")},
             {QStringLiteral("type"), QStringLiteral("String")},
             {QStringLiteral("value"), QStringLiteral("String")},
             {QStringLiteral("compareDigest"), QStringLiteral("String")}});
    s.input(QStringLiteral("ProductUpdateInput"),
            {{QStringLiteral("category"), QStringLiteral("ID")},
             {QStringLiteral("collectionsToJoin"), QStringLiteral("[ID!]")},
             {QStringLiteral("collectionsToLeave"), QStringLiteral("[ID!]")},
             {QStringLiteral("deleteConflictingConstrainedMetafields"), QStringLiteral("Boolean"),
              false},
             {QStringLiteral("descriptionHtml"), QStringLiteral("String")},
             {QStringLiteral("giftCardTemplateSuffix"), QStringLiteral("String")},
             {QStringLiteral("handle"), QStringLiteral("String")},
             {QStringLiteral("id"), QStringLiteral("ID")},
             {QStringLiteral("metafields"), QStringLiteral("[MetafieldInput!]")},
             {QStringLiteral("productType"), QStringLiteral("String")},
             {QStringLiteral("redirectNewHandle"), QStringLiteral("Boolean")},
             {QStringLiteral("requiresSellingPlan"), QStringLiteral("Boolean")},
             {QStringLiteral("seo"), QStringLiteral("SEOInput")},
             {QStringLiteral("status"), QStringLiteral("ProductStatus")},
             {QStringLiteral("tags"), QStringLiteral("[String!]")},
             {QStringLiteral("templateSuffix"), QStringLiteral("String")},
             {QStringLiteral("title"), QStringLiteral("String")},
             {QStringLiteral("vendor"), QStringLiteral("String")}});
    s.input(QStringLiteral("CreateMediaInput"),
            {{QStringLiteral("alt"), QStringLiteral("String")},
             {QStringLiteral("mediaContentType"), QStringLiteral("MediaContentType!")},
             {QStringLiteral("originalSource"), QStringLiteral("String!")}});
    s.input(QStringLiteral("MetafieldsSetInput"),
            {{QStringLiteral("compareDigest"), QStringLiteral("String")},
             {QStringLiteral("key"), QStringLiteral("String!")},
             {QStringLiteral("namespace"), QStringLiteral("String")},
             {QStringLiteral("ownerId"), QStringLiteral("ID!")},
             {QStringLiteral("type"), QStringLiteral("String")},
             {QStringLiteral("value"), QStringLiteral("String!")}});
    s.input(QStringLiteral("MetafieldIdentifierInput"),
            {{QStringLiteral("key"), QStringLiteral("String!")},
             {QStringLiteral("namespace"), QStringLiteral("String!")},
             {QStringLiteral("ownerId"), QStringLiteral("ID!")}});
    s.input(QStringLiteral("FileUpdateInput"),
            {{QStringLiteral("alt"), QStringLiteral("String")},
             {QStringLiteral("filename"), QStringLiteral("String")},
             {QStringLiteral("id"), QStringLiteral("ID!")},
             {QStringLiteral("originalSource"), QStringLiteral("String")},
             {QStringLiteral("previewImageSource"), QStringLiteral("String")},
             {QStringLiteral("referencesToAdd"), QStringLiteral("[ID!]")},
             {QStringLiteral("referencesToRemove"), QStringLiteral("[ID!]")}});
    s.input(QStringLiteral("StagedUploadInput"),
            {{QStringLiteral("filename"), QStringLiteral("String!")},
             {QStringLiteral("fileSize"), QStringLiteral("UnsignedInt64")},
             {QStringLiteral("httpMethod"), QStringLiteral("StagedUploadHttpMethodType"),
              QStringLiteral("PUT")},
             {QStringLiteral("mimeType"), QStringLiteral("String!")},
             {QStringLiteral("resource"),
              QStringLiteral("StagedUploadTargetGenerateUploadResource!")}});
}

std::unique_ptr<Schema> buildShopifySchema(ShopContext &context) {
    auto schema = std::make_unique<Schema>();
    addShopifyEnumsAndInputs(*schema);
    addShopifyQueries(*schema, context);
    addTaxonomyQueries(*schema, context);
    addMetaobjectQueries(*schema, context);
    addShopifyMutations(*schema, context);
    addMetaobjectMutations(*schema, context);
    return schema;
}

} // namespace tagdesk::sandbox
