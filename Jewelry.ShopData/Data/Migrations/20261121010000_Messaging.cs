using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jewelry.ShopData.Data.Migrations;

// Hand-written (EF Core Design is not available to this build). Keep it and
// ShopDbContextModelSnapshot in step with the model; unit tests check both.
[DbContext(typeof(ShopDbContext))]
[Migration("20261121010000_Messaging")]
public sealed class Messaging : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTimeOffset>(
            name: "last_failure_at",
            table: "orders",
            type: "timestamp with time zone",
            nullable: true);

        migrationBuilder.AddColumn<DateTimeOffset>(
            name: "price_requested_at",
            table: "orders",
            type: "timestamp with time zone",
            nullable: true);

        migrationBuilder.AddColumn<string>(
            name: "tracking_number",
            table: "orders",
            type: "text",
            nullable: true);

        // Replaced by (status, status_changed_at), which serves status filters as well as the stuck-orders query.
        migrationBuilder.DropIndex(
            name: "ix_orders_status",
            table: "orders");

        migrationBuilder.CreateIndex(
            name: "ix_orders_status_status_changed_at",
            table: "orders",
            columns: ["status", "status_changed_at"]);

        migrationBuilder.CreateTable(
            name: "outbox_messages",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                message_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                routing_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                payload = table.Column<string>(type: "jsonb", nullable: false),
                order_id = table.Column<Guid>(type: "uuid", nullable: true),
                trace_parent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                trace_state = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                baggage = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                attempts = table.Column<int>(type: "integer", nullable: false),
                last_error = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_outbox_messages", x => x.id));

        migrationBuilder.CreateTable(
            name: "inbox_messages",
            columns: table => new
            {
                message_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                message_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                order_id = table.Column<Guid>(type: "uuid", nullable: true),
                processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer }));

        // Partial: the relay only ever looks for unsent rows.
        migrationBuilder.CreateIndex(
            name: "ix_outbox_messages_created_at",
            table: "outbox_messages",
            column: "created_at",
            filter: "sent_at IS NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "inbox_messages");
        migrationBuilder.DropTable(name: "outbox_messages");

        migrationBuilder.DropIndex(
            name: "ix_orders_status_status_changed_at",
            table: "orders");

        migrationBuilder.CreateIndex(
            name: "ix_orders_status",
            table: "orders",
            column: "status");

        migrationBuilder.DropColumn(name: "tracking_number", table: "orders");
        migrationBuilder.DropColumn(name: "price_requested_at", table: "orders");
        migrationBuilder.DropColumn(name: "last_failure_at", table: "orders");
    }
}
