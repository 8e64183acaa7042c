import { ProblemList } from '../src/components/ProblemList';

export default function Home() {
  return <ProblemList />;
}
