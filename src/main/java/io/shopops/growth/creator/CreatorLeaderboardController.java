package io.shopops.growth.creator;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.shopops.growth.creator.CreatorViews.LeaderRow;
import io.shopops.platform.CsvCells;
import io.shopops.platform.ShopSettings;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The creators' leaderboard over a range of days, by net GMV or ROI, and its CSV export
 * (UTF-8 with a byte order mark, cells that a spreadsheet would run as formulas
 * neutralised).
 */
@Controller
class CreatorLeaderboardController {

	static final List<String> COLUMNS = List.of("rank", "platform", "handle", "name", "category", "followers", "orders",
			"gmv", "refunded", "net", "fees", "commission", "samples", "cost", "roi");

	private final CreatorQueries queries;

	private final ShopSettings settings;

	private final MessageSource messages;

	CreatorLeaderboardController(CreatorQueries queries, ShopSettings settings, MessageSource messages) {
		this.queries = queries;
		this.settings = settings;
		this.messages = messages;
	}

	@GetMapping("/content/creators/leaderboard")
	String leaderboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String sort, Model model) {
		boolean[] invalid = { false };
		LocalDate[] range = CreatorRequests.range(from, to, today(), invalid);
		LeaderboardSort order = CreatorRequests.parse(LeaderboardSort.class, sort, invalid);
		if (order == null) {
			order = LeaderboardSort.GMV;
		}
		if (invalid[0]) {
			model.addAttribute("filterWarning", "creator.list.filterInvalid");
		}
		model.addAttribute("from", range[0]);
		model.addAttribute("to", range[1]);
		model.addAttribute("sort", order);
		model.addAttribute("sorts", LeaderboardSort.values());
		model.addAttribute("rows", this.queries.leaderboard(range[0], range[1], order));
		return "growth/creator/leaderboard";
	}

	@GetMapping("/content/creators/leaderboard.csv")
	void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String sort, HttpServletResponse response) throws IOException {
		boolean[] invalid = { false };
		LocalDate[] range = CreatorRequests.range(from, to, today(), invalid);
		LeaderboardSort order = CreatorRequests.parse(LeaderboardSort.class, sort, invalid);
		List<LeaderRow> rows = this.queries.leaderboard(range[0], range[1],
				(order != null) ? order : LeaderboardSort.GMV);
		Locale locale = LocaleContextHolder.getLocale();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename("creators-" + range[0] + "-" + range[1] + ".csv")
					.build()
					.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CsvWriter out = CsvWriter.builder().build(writer);
		List<String> header = new ArrayList<>();
		for (String column : COLUMNS) {
			header.add(this.messages.getMessage("creator.csv." + column, null, column, locale));
		}
		out.writeRecord(header);
		int rank = 0;
		for (LeaderRow row : rows) {
			var creator = row.creator();
			var earnings = row.earnings();
			List<String> cells = new ArrayList<>();
			cells.add(String.valueOf(++rank));
			cells.add(CsvCells.neutralize(this.messages.getMessage("content.platform." + creator.platform().name(),
					null, creator.platform().name(), locale)));
			cells.add(CsvCells.neutralize(creator.handle()));
			cells.add(CsvCells.neutralize(creator.displayName()));
			cells.add(CsvCells.neutralize(creator.category()));
			cells.add(String.valueOf(creator.followers()));
			cells.add(String.valueOf(earnings.sales().orders()));
			cells.add(plain(earnings.sales().gmv()));
			cells.add(plain(earnings.sales().refunded()));
			cells.add(plain(earnings.sales().net()));
			cells.add(plain(earnings.fees()));
			cells.add(plain(earnings.commission()));
			cells.add(plain(earnings.sampleCost()));
			cells.add(plain(earnings.cost()));
			cells.add(plain(earnings.roi()));
			out.writeRecord(cells);
		}
		out.close();
	}

	private static String plain(BigDecimal value) {
		return (value != null) ? CsvCells.neutralize(CreatorMath.money(value).toPlainString()) : "";
	}

	private LocalDate today() {
		return LocalDate.now(this.settings.current().timeZone());
	}

}
