package io.shopops.fulfilment.catalog.importing;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What {@link CatalogFileReader#inspect(java.nio.file.Path)} found out about a catalog
 * file before reading it.
 *
 * @param charset the detected encoding: UTF-8 (with or without BOM) or GB18030
 * @param bom whether the file starts with a UTF-8 byte order mark
 * @param format the layout recognised from the header
 * @param header the header fields as written in the file (BOM stripped)
 * @param records the number of CSV data records after the header; a newline inside a
 * quoted field does not start a record, and a trailing empty line is not counted
 */
public record FileInfo(Charset charset, boolean bom, CatalogFormat format, List<String> header, long records) {

	public FileInfo {
		header = List.copyOf(header);
	}

}
