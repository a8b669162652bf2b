/**
 * Value types every module may use.
 */
package io.shopops.shared;
