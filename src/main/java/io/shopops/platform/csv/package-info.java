/**
 * The CSV toolkit every import uses: encoding and delimiter detection, spreadsheet row
 * numbers, header lookup by aliases, cell parsers that return values or problem codes,
 * and the generic problem message keys.
 */
@NamedInterface("csv")
package io.shopops.platform.csv;

import org.springframework.modulith.NamedInterface;
