/**
 * The published API of after-sales requests (售后): the {@link AfterSales} service, its
 * value records and the {@link RefundCompleted} event that CRM and the dashboards listen
 * to.
 */
@NamedInterface("aftersales")
package io.shopops.fulfilment.aftersales.api;

import org.springframework.modulith.NamedInterface;
