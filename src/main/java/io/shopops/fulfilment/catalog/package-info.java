/**
 * The product catalog. Its public types are the catalog's API for other modules
 * ({@code fulfilment::catalog}): {@link io.shopops.fulfilment.catalog.ProductCatalog},
 * {@link io.shopops.fulfilment.catalog.ProductStatus},
 * {@link io.shopops.fulfilment.catalog.ProductImage} and the description sanitiser
 * {@link io.shopops.fulfilment.catalog.Descriptions}; controllers, repositories and forms
 * stay package-private.
 */
@NamedInterface("catalog")
package io.shopops.fulfilment.catalog;

import org.springframework.modulith.NamedInterface;
