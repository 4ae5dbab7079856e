package net.nsglobal.te.world.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The account's credits: the balance, charged per stored result, and the past day's spending that
 * {@code GET /api/v2/credits/} reports. Time is the simulation's (epoch seconds).
 */
final class Ledger {
    private record Charge(long at, long credits, long results) {
    }

    private long balance;
    private final Deque<Charge> pastDay = new ArrayDeque<>();

    Ledger(long balance) {
        this.balance = balance;
    }

    synchronized long balance() {
        return balance;
    }

    /** Takes {@code credits} for {@code results} results measured at {@code at}; false if the balance is short. */
    synchronized boolean charge(long credits, long results, long at) {
        if (credits > balance) {
            return false;
        }
        balance -= credits;
        pastDay.addLast(new Charge(at, credits, results));
        return true;
    }

    /** The API's credits object; {@code dailyExpenditure} is what the running measurements will spend a day. */
    synchronized ObjectNode toJson(long now, long dailyExpenditure, String apiUrl) {
        while (!pastDay.isEmpty() && pastDay.peekFirst().at() <= now - 86_400) {
            pastDay.removeFirst();
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("current_balance", balance);
        o.put("estimated_daily_income", 0);
        o.put("estimated_daily_expenditure", dailyExpenditure);
        o.put("estimated_daily_balance", -dailyExpenditure);
        o.put("calculation_time", java.time.Instant.ofEpochSecond(now).toString());
        if (dailyExpenditure > 0) {
            o.put("estimated_runout_seconds", balance * 86_400 / dailyExpenditure);
        } else {
            o.putNull("estimated_runout_seconds");
        }
        o.put("past_day_measurement_results", pastDay.stream().mapToLong(Charge::results).sum());
        o.put("past_day_credits_spent", pastDay.stream().mapToLong(Charge::credits).sum());
        o.put("last_date_debited", pastDay.isEmpty() ? null : java.time.Instant.ofEpochSecond(
                pastDay.peekLast().at()).toString());
        o.put("last_date_credited", (String) null);
        o.put("income_items", apiUrl + "credits/income-items/");
        o.put("expense_items", apiUrl + "credits/expense-items/");
        o.put("transactions", apiUrl + "credits/transactions/");
        return o;
    }
}
