import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import viVN from "antd/locale/vi_VN";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import i18n from "../i18n/index";
import { ApiError, onUnauthenticated } from "./api";
import { setDisplay, showError } from "./notify";
import { ME_KEY } from "./session";

function makeQueryClient(): QueryClient {
  const fallback = () => i18n.t("errors.unexpected");
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error) => showError(error, fallback()) }),
    mutationCache: new MutationCache({
      // A mutation with its own onError shows its error where it happened (forms, dialogs).
      onError: (error, _vars, _ctx, mutation) => {
        if (!mutation.options.onError) showError(error, fallback());
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}

function Notifier(): null {
  const { message } = AntApp.useApp();
  useEffect(
    () =>
      setDisplay({
        error: (text) => void message.error({ content: text, duration: 6 }),
        success: (text) => void message.success(text),
      }),
    [message],
  );
  return null;
}

/** Everything every page needs: locale (antd + dayjs + i18n), data cache, message display, 401 handling. */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const { i18n: active } = useTranslation();
  useEffect(() => onUnauthenticated(() => queryClient.setQueryData(ME_KEY, null)), [queryClient]);
  return (
    <ConfigProvider locale={active.language === "en" ? enUS : viVN} theme={{ token: { colorPrimary: "#b71c1c" } }}>
      <AntApp>
        <Notifier />
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
