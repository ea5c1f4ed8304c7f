import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Radio, Select, Space, TreeSelect, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanSection } from "../../../contracts/importer";
import type { PlanDetail } from "../../../contracts/plans";
import type { CreateReportFormRequest } from "../../../contracts/reports";
import { showError, showSuccess } from "../../app/notify";
import { fetchPlan, usePlans } from "../plans/api";
import { fetchForm, useCreateForm } from "./form-api";

type Source = "outline" | "annex" | "form" | "empty";
interface SectionNode {
  value: string;
  title: string;
  children: SectionNode[];
}

/** The plan's outline as a tree to choose from; a node's value is the numbers from the top, joined by "›". */
const sectionTree = (sections: readonly PlanSection[], path: string[] = []): SectionNode[] =>
  sections.map((s) => {
    const numbers = [...path, s.number];
    return { value: numbers.join("›"), title: `${s.number} ${s.heading}`.trim(), children: sectionTree(s.children, numbers) };
  });

/** Where the new form comes from: the plan's own outline (from a chosen section), one of its annexes, another plan's form, or nothing. */
export function ReportFormCreate({ plan, taskId }: { plan: PlanDetail; taskId: string }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source>(plan.sections.length > 0 ? "outline" : plan.annexes.length > 0 ? "annex" : "empty");
  const [annexId, setAnnexId] = useState<string | undefined>(plan.annexes.length === 1 ? plan.annexes[0].id : undefined);
  const [section, setSection] = useState<string | undefined>();
  const [otherPlanId, setOtherPlanId] = useState<string | undefined>();
  const [otherTaskId, setOtherTaskId] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const create = useCreateForm(taskId);
  const tree = useMemo(() => sectionTree(plan.sections), [plan.sections]);
  const plans = usePlans(undefined);
  const other = useQuery({
    queryKey: ["report-form-source-plan", otherPlanId],
    queryFn: () => fetchPlan(otherPlanId as string),
    enabled: source === "form" && Boolean(otherPlanId),
  });
  const reportTasks = (other.data?.tasks ?? []).filter((x) => x.deliverable === "report" && x.id !== taskId);

  const submit = async () => {
    setRefusal(null);
    try {
      let body: CreateReportFormRequest = { from: "empty" };
      if (source === "outline") body = { from: "outline", ...(section ? { section: section.split("›") } : {}) };
      if (source === "annex") body = { from: "annex", annexId: annexId as string };
      if (source === "form") body = { from: "form", formId: (await fetchForm(otherTaskId as string)).id };
      await create.mutateAsync(body);
      showSuccess(t("reportForm.created"));
    } catch (error) {
      setRefusal((error as Error).message);
      showError(error, t("reportForm.create"));
    }
  };
  const ready = source === "form" ? Boolean(otherTaskId) : source !== "annex" || Boolean(annexId);

  return (
    <Card title={t("reportForm.createTitle")} data-testid="report-form-create-card">
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        <Radio.Group value={source} onChange={(e) => setSource(e.target.value)} data-testid="report-form-source">
          <Space orientation="vertical">
            <Radio value="outline" disabled={plan.sections.length === 0} data-testid="report-form-source-outline">
              {t("reportForm.fromOutline")}
            </Radio>
            <Radio value="annex" disabled={plan.annexes.length === 0} data-testid="report-form-source-annex">
              {t("reportForm.fromAnnex")}
            </Radio>
            <Radio value="form" data-testid="report-form-source-form">
              {t("reportForm.fromForm")}
            </Radio>
            <Radio value="empty" data-testid="report-form-source-empty">
              {t("reportForm.fromEmpty")}
            </Radio>
          </Space>
        </Radio.Group>
        {source === "outline" && (
          <>
            <Typography.Text type="secondary">{t("reportForm.sectionHelp")}</Typography.Text>
            <TreeSelect
              allowClear
              showSearch
              treeDefaultExpandAll
              treeNodeFilterProp="title"
              style={{ width: "100%" }}
              placeholder={t("reportForm.wholeOutline")}
              treeData={tree}
              value={section}
              onChange={setSection}
              data-testid="report-form-section"
            />
          </>
        )}
        {source === "annex" && (
          <>
            <Typography.Text type="secondary">{t("reportForm.annexHelp")}</Typography.Text>
            <Select
              style={{ width: "100%" }}
              placeholder={t("reportForm.annexPick")}
              value={annexId}
              onChange={setAnnexId}
              options={plan.annexes.map((a) => ({
                value: a.id,
                label: a.sections.length > 0 ? a.title : `${a.title} (${t("reportForm.annexNoHeadings")})`,
              }))}
              data-testid="report-form-annex"
            />
          </>
        )}
        {source === "form" && (
          <Space wrap>
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 420 }}
              placeholder={t("reportForm.otherPlan")}
              value={otherPlanId}
              onChange={(v) => {
                setOtherPlanId(v);
                setOtherTaskId(undefined);
              }}
              options={(plans.data?.plans ?? []).map((p) => ({ value: p.id, label: p.title }))}
              data-testid="report-form-other-plan"
            />
            <Select
              style={{ width: 420 }}
              placeholder={t("reportForm.otherTask")}
              value={otherTaskId}
              onChange={setOtherTaskId}
              loading={other.isLoading}
              notFoundContent={t("reportForm.noReportTask")}
              options={reportTasks.map((x) => ({ value: x.id, label: x.what }))}
              data-testid="report-form-other-task"
            />
          </Space>
        )}
        {refusal && <Alert type="error" showIcon title={refusal} data-testid="report-form-error" />}
        <Button type="primary" disabled={!ready} loading={create.isPending} onClick={submit} data-testid="report-form-create">
          {t("reportForm.create")}
        </Button>
      </Space>
    </Card>
  );
}
