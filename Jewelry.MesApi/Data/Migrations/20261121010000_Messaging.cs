using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jewelry.MesApi.Data.Migrations;

// Hand-written, like Initial. Adds the outbox and inbox, and what the price, approval and seller flows
// store on production orders and price calculations. The required columns need no default for existing
// rows: before this migration nothing wrote production_orders or price_calculations, so both are empty.
[DbContext(typeof(MesDbContext))]
[Migration("20261121010000_Messaging")]
public sealed class Messaging : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
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

        migrationBuilder.CreateIndex(
            name: "ix_outbox_messages_created_at",
            table: "outbox_messages",
            column: "created_at",
            filter: "sent_at IS NULL");

        migrationBuilder.AddColumn<string>(
            name: "source",
            table: "production_orders",
            type: "text",
            nullable: false);

        migrationBuilder.AddColumn<string>(
            name: "seller_client_id",
            table: "production_orders",
            type: "text",
            nullable: true);

        migrationBuilder.AddColumn<string>(
            name: "model_key",
            table: "production_orders",
            type: "text",
            nullable: false);

        migrationBuilder.AddColumn<string>(
            name: "product_type",
            table: "production_orders",
            type: "text",
            nullable: false);

        migrationBuilder.AddColumn<decimal>(
            name: "price",
            table: "production_orders",
            type: "numeric(12,2)",
            precision: 12,
            scale: 2,
            nullable: true);

        migrationBuilder.AddColumn<string>(
            name: "currency",
            table: "production_orders",
            type: "character varying(3)",
            maxLength: 3,
            nullable: true);

        migrationBuilder.CreateIndex(
            name: "ix_production_orders_seller_client_id_created_at",
            table: "production_orders",
            columns: ["seller_client_id", "created_at"]);

        migrationBuilder.AddForeignKey(
            name: "fk_production_orders_seller_clients_seller_client_id",
            table: "production_orders",
            column: "seller_client_id",
            principalTable: "seller_clients",
            principalColumn: "client_id",
            onDelete: ReferentialAction.Restrict);

        migrationBuilder.AddColumn<string>(
            name: "model_key",
            table: "price_calculations",
            type: "text",
            nullable: false);

        migrationBuilder.AddColumn<string>(
            name: "material",
            table: "price_calculations",
            type: "text",
            nullable: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropForeignKey(name: "fk_production_orders_seller_clients_seller_client_id", table: "production_orders");
        migrationBuilder.DropIndex(name: "ix_production_orders_seller_client_id_created_at", table: "production_orders");
        migrationBuilder.DropColumn(name: "source", table: "production_orders");
        migrationBuilder.DropColumn(name: "seller_client_id", table: "production_orders");
        migrationBuilder.DropColumn(name: "model_key", table: "production_orders");
        migrationBuilder.DropColumn(name: "product_type", table: "production_orders");
        migrationBuilder.DropColumn(name: "price", table: "production_orders");
        migrationBuilder.DropColumn(name: "currency", table: "production_orders");
        migrationBuilder.DropColumn(name: "model_key", table: "price_calculations");
        migrationBuilder.DropColumn(name: "material", table: "price_calculations");
        migrationBuilder.DropTable(name: "inbox_messages");
        migrationBuilder.DropTable(name: "outbox_messages");
    }
}
