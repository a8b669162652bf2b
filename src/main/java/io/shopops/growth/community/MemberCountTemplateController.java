package io.shopops.growth.community;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The downloadable member count template, with English or Chinese headers and an example
 * row.
 */
@Controller
class MemberCountTemplateController {

	@GetMapping("/imports/community-members/template.csv")
	void template(@RequestParam(defaultValue = "en") String headers, HttpServletResponse response) throws IOException {
		boolean chinese = headers.startsWith("zh");
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename(chinese ? "shopops-community-members-zh.csv" : "shopops-community-members-en.csv")
					.build()
					.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		try (CsvWriter csv = CsvWriter.builder().build(writer)) {
			csv.writeRecord(chinese ? List.of("追踪码", "社群名称", "日期", "成员数")
					: List.of("tracking_code", "group_name", "date", "members"));
			csv.writeRecord(List.of("G7K2M9", "VIP 会员福利群", "2026-12-01", "428"));
		}
	}

}
