package io.repdesk.shared;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs a filtered list query as one page plus the total count; used by every module's repositories. */
public final class Paging {

    private Paging() {
    }

    /**
     * @param table the table (or join) to select from
     * @param orderBy the ordering, which must end in a unique column so pages never overlap
     */
    public static <T> Page<T> page(JdbcClient jdbc, String table, Where where, String orderBy, PageRequest page,
            RowMapper<T> mapper) {
        long total = jdbc.sql("select count(*) from " + table + where.sql()).params(where.params())
                .query(Long.class).single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(page.size());
        params.add(page.offset());
        List<T> items = jdbc.sql("select * from " + table + where.sql() + " order by " + orderBy + " limit ? offset ?")
                .params(params).query(mapper).list();
        return Page.of(items, page, total);
    }
}
